package dev.crm.app.company;

import dev.crm.app.CommandSender;
import dev.crm.app.kind.KindSupport;
import dev.crm.command.company.CompanyCommands.RestoreCompany;
import dev.crm.query.company.CompanyQueries;
import dev.crm.shared.Actor;
import dev.crm.shared.access.Permissions.Action;
import dev.crm.shared.company.CompanyKind;
import dev.crm.shared.kind.Kind;
import java.util.List;
import org.springframework.stereotype.Component;

/** Companies in the kind model: the permission matrix alone decides who sees and changes one. */
@Component
class CompanyKindSupport implements KindSupport {

    private final CompanyQueries companies;
    private final CommandSender commands;

    CompanyKindSupport(CompanyQueries companies, CommandSender commands) {
        this.companies = companies;
        this.commands = commands;
    }

    @Override
    public Kind kind() {
        return CompanyKind.KIND;
    }

    @Override
    public boolean mayView(Actor actor, long id) {
        return companies.findVisible(id, actor).isPresent();
    }

    @Override
    public boolean mayChange(Actor actor, long id) {
        return companies.find(id).map(c -> companies.allows(c, actor, Action.CHANGE)).orElse(false);
    }

    @Override
    public List<Found> search(Actor actor, String text, int max) {
        return companies.list(actor, text, null, CompanyQueries.LATEST, 0, max).items().stream()
                .map(c -> new Found(c.id(), c.name())).toList();
    }

    @Override
    public boolean restorable() {
        return true;
    }

    @Override
    public boolean restore(Actor actor, long id) {
        commands.send(new RestoreCompany(id), actor);
        return true;
    }
}
