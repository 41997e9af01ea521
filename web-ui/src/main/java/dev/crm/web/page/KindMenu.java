package dev.crm.web.page;

import dev.crm.shared.kind.Kind;
import dev.crm.shared.kind.Kinds;
import java.util.List;
import org.springframework.stereotype.Component;

/** The kinds in the main menu ({@code @kindMenu.kinds()} in the layout): every kind with pages of its own. */
@Component("kindMenu")
public class KindMenu {

    public List<Kind> kinds() {
        return Kinds.withPages();
    }
}
