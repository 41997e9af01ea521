package dev.crm.app.file;

import dev.crm.command.file.FileCommands.DetachFile;

import dev.crm.app.Cascade;

import dev.crm.app.CommandSender;
import dev.crm.app.kind.KindSupport;
import dev.crm.app.object.ObjectAccess;
import dev.crm.command.file.FileCommands.RestoreFile;
import dev.crm.query.file.FileQueries;
import dev.crm.query.file.FileView;
import dev.crm.shared.Actor;
import dev.crm.shared.file.FileKind;
import dev.crm.shared.kind.Kind;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * File objects in the kind model: seen by whoever may see the object they are attached to; restored only while
 * their stored content is still there.
 */
@Component
class FileKindSupport implements KindSupport {

    private final FileQueries files;
    /** Through a provider: the object gate asks this support in turn. */
    private final ObjectProvider<ObjectAccess> access;
    private final ContentStore store;
    private final CommandSender commands;
    private final JdbcTemplate jdbc;

    FileKindSupport(FileQueries files, ObjectProvider<ObjectAccess> access, ContentStore store,
                    CommandSender commands, JdbcTemplate jdbc) {
        this.files = files;
        this.access = access;
        this.store = store;
        this.commands = commands;
        this.jdbc = jdbc;
    }

    @Override
    public Kind kind() {
        return FileKind.KIND;
    }

    @Override
    public boolean mayView(Actor actor, long id) {
        return files.find(id).map(f -> access.getObject().findVisible(f.attachedTo(), actor).isPresent())
                .orElse(false);
    }

    @Override
    public void deleteAsPart(Actor actor, long id, Cascade cascade) {
        commands.send(new DetachFile(id, null), actor, cascade.forPart());
    }

    @Override
    public boolean restorable() {
        return true;
    }

    @Override
    public boolean restore(Actor actor, long id) {
        FileView file = files.find(id).orElseThrow();
        // the content row's lock keeps a purge from deleting the content between this check and the commit of
        // the count going up (the purger deletes only under this lock, only at count zero)
        List<String> row = jdbc.queryForList("SELECT sha256 FROM file_content WHERE sha256 = ? FOR UPDATE",
                String.class, file.sha256());
        if (row.isEmpty() || !store.exists(file.sha256())) {
            return false;
        }
        commands.send(new RestoreFile(id), actor);
        return true;
    }
}
