package dev.crm.app.task;

import dev.crm.command.task.TaskCommands.DeleteTask;

import dev.crm.app.Cascade;

import dev.crm.app.CommandSender;
import dev.crm.app.kind.KindSupport;
import dev.crm.command.task.TaskCommands.RestoreTask;
import dev.crm.query.task.TaskQueries;
import dev.crm.shared.Actor;
import dev.crm.shared.kind.Kind;
import dev.crm.shared.task.WorkKind;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Tasks and projects in the kind model: one support each, with the rules they share ({@code TaskAccess}). */
@Configuration
class WorkKindSupport {

    @Bean
    KindSupport taskKind(TaskQueries tasks, CommandSender commands) {
        return new Work(WorkKind.TASK, tasks, commands);
    }

    @Bean
    KindSupport projectKind(TaskQueries tasks, CommandSender commands) {
        return new Work(WorkKind.PROJECT, tasks, commands);
    }

    private record Work(WorkKind work, TaskQueries tasks, CommandSender commands) implements KindSupport {

        @Override
        public Kind kind() {
            return work.declaration();
        }

        @Override
        public boolean mayView(Actor actor, long id) {
            return tasks.find(id).map(t -> tasks.mayView(t, actor)).orElse(false);
        }

        @Override
        public boolean mayChange(Actor actor, long id) {
            return tasks.find(id).map(t -> tasks.mayChange(t, actor)).orElse(false);
        }

        @Override
        public void deleteAsPart(Actor actor, long id, Cascade cascade) {
            commands.send(new DeleteTask(id, null), actor, cascade.forPart());
        }

        @Override
        public boolean restorable() {
            return true;
        }

        @Override
        public boolean restore(Actor actor, long id) {
            commands.send(new RestoreTask(id), actor);
            return true;
        }
    }
}
