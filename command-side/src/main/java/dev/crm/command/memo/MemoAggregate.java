package dev.crm.command.memo;

import dev.crm.command.Input;
import dev.crm.shared.kind.Field;
import dev.crm.shared.memo.MemoKind;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.crm.command.Rejected;
import dev.crm.command.UserDirectory;
import dev.crm.command.Versions;
import dev.crm.command.Cascades;
import dev.crm.command.VisibleObjects;
import dev.crm.shared.deal.DealKind;
import dev.crm.command.memo.MemoCommands.ChangeMemo;
import dev.crm.command.memo.MemoCommands.CreateMemo;
import dev.crm.command.Restoring;
import dev.crm.command.memo.MemoCommands.DeleteMemo;
import dev.crm.command.memo.MemoCommands.RestoreMemo;
import dev.crm.command.memo.MemoCommands.PostponeMemo;
import dev.crm.command.memo.MemoCommands.ReviewMemo;
import dev.crm.shared.Actor;
import dev.crm.shared.FieldChange;
import dev.crm.shared.memo.MemoAccess;
import dev.crm.shared.memo.MemoChanged;
import dev.crm.shared.memo.MemoCreated;
import dev.crm.shared.memo.MemoDeleted;
import dev.crm.shared.memo.MemoRestored;
import dev.crm.shared.memo.MemoPostponed;
import dev.crm.shared.memo.MemoReviewed;
import dev.crm.shared.memo.MemoStage;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * An office memo. Command handlers check the rules ({@link MemoAccess}, {@code Input} by the fields of {@code MemoKind}) and apply
 * events; sourcing handlers only assign. A deleted memo keeps its stream (history, later restore) and
 * answers every command as if it did not exist. A memo may be about a deal its author sees ({@link VisibleObjects}); it is
 * then a part of it, and goes with the deal's delete whoever may see it ({@code Cascades}).
 */
@Aggregate
public class MemoAggregate {

    /** Boxed on purpose: Axon reads the identifier while the first event is applied, and a primitive 0 would win. */
    @AggregateIdentifier
    private Long memoId;
    private String author;
    private String title;
    private String description;
    private String to;
    private boolean draft;
    private MemoStage stage;
    private String conclusion;
    private Long deal;
    private boolean deleted;

    protected MemoAggregate() {
        // for Axon
    }

    @CommandHandler
    public MemoAggregate(CreateMemo cmd, MetaData metaData, UserDirectory users, VisibleObjects objects) {
        Actor actor = Actor.fromMetaData(metaData);
        String newTitle = Input.clean(cmd.title());
        String newDescription = Input.clean(cmd.description());
        String recipient = Input.clean(cmd.to());
        List<Rejected.FieldError> errors = new ArrayList<>();
        Input.check(MemoKind.TITLE, newTitle, errors);
        Input.check(MemoKind.DESCRIPTION, newDescription, errors);
        checkRecipient(recipient, cmd.draft(), users, errors);
        checkDeal(cmd.deal(), actor, objects, errors);
        Input.throwIfAny(errors);
        apply(new MemoCreated(cmd.memoId(), newTitle, newDescription, recipient, cmd.draft(), actor.username(),
                users.homeDepartment(actor.username()), cmd.deal()));
    }

    @CommandHandler
    public long handle(ChangeMemo cmd, MetaData metaData, UserDirectory users, VisibleObjects objects) {
        Actor actor = Actor.fromMetaData(metaData);
        MemoAccess access = visibleTo(actor);
        Versions.require(cmd.expectedVersion());
        if (!access.canChange(actor)) {
            throw forbidden("error.memo.change-forbidden");
        }
        List<FieldChange> changes = new ArrayList<>();
        List<Rejected.FieldError> errors = new ArrayList<>();
        if (cmd.title() != null) {
            String newTitle = Input.clean(cmd.title());
            Input.check(MemoKind.TITLE, newTitle, errors);
            addIfDifferent(changes, MemoKind.TITLE, title, newTitle);
        }
        if (cmd.description() != null) {
            String newDescription = Input.clean(cmd.description());
            Input.check(MemoKind.DESCRIPTION, newDescription, errors);
            addIfDifferent(changes, MemoKind.DESCRIPTION, description, newDescription);
        }
        boolean newDraft = cmd.draft() == null ? draft : cmd.draft();
        if (!draft && newDraft) {
            errors.add(new Rejected.FieldError("draft", "validation.memo.cannot-unsend", new Object[0]));
        }
        String newTo = cmd.to() == null ? to : Input.clean(cmd.to());
        if (cmd.to() != null || newDraft != draft) {
            checkRecipient(newTo, newDraft, users, errors);
        }
        Long newDeal = deal;
        if (cmd.deal() != null) {
            newDeal = dealOf(cmd.deal(), errors);
            if (newDeal != null && !newDeal.equals(deal)) {
                checkDeal(newDeal, actor, objects, errors);
            }
        }
        Input.throwIfAny(errors);
        addIfDifferent(changes, MemoKind.TO, to, newTo);
        if (newDraft != draft) {
            changes.add(MemoKind.DRAFT.change(draft, newDraft));
        }
        if (!Objects.equals(deal, newDeal)) {
            changes.add(MemoKind.DEAL.change(deal, newDeal));
        }
        if (!changes.isEmpty()) {
            apply(new MemoChanged(memoId, changes));
        }
        return Versions.current();
    }

    @CommandHandler
    public long handle(PostponeMemo cmd, MetaData metaData) {
        Actor actor = Actor.fromMetaData(metaData);
        MemoAccess access = visibleTo(actor);
        Versions.require(cmd.expectedVersion());
        requireReviewer(access, actor);
        if (stage != MemoStage.PENDING) {
            throw new Rejected.WrongState("error.memo.not-pending", stage.apiName());
        }
        apply(new MemoPostponed(memoId, stage));
        return Versions.current();
    }

    @CommandHandler
    public long handle(ReviewMemo cmd, MetaData metaData) {
        Actor actor = Actor.fromMetaData(metaData);
        MemoAccess access = visibleTo(actor);
        Versions.require(cmd.expectedVersion());
        requireReviewer(access, actor);
        if (stage == MemoStage.REVIEWED) {
            throw new Rejected.WrongState("error.memo.already-reviewed");
        }
        String newConclusion = Input.clean(cmd.conclusion());
        List<Rejected.FieldError> errors = new ArrayList<>();
        Input.check(MemoKind.CONCLUSION, newConclusion, errors);
        Input.throwIfAny(errors);
        apply(new MemoReviewed(memoId, newConclusion, stage, conclusion));
        return Versions.current();
    }

    @CommandHandler
    public long handle(DeleteMemo cmd, MetaData metaData) {
        Actor actor = Actor.fromMetaData(metaData);
        if (Cascades.isPart(metaData)) {
            // it goes with its deal, whoever may see or change it: the deal's delete checked its own right
            if (author == null || deleted) {
                throw new Rejected.NotFound(memoId);
            }
            apply(new MemoDeleted(memoId));
            return Versions.current();
        }
        MemoAccess access = visibleTo(actor);
        Versions.require(cmd.expectedVersion());
        if (!access.canDelete(actor)) {
            throw forbidden("error.memo.delete-forbidden");
        }
        apply(new MemoDeleted(memoId));
        return Versions.current();
    }

    @CommandHandler
    public long handle(RestoreMemo cmd, MetaData metaData) {
        Restoring.require(Actor.fromMetaData(metaData), deleted);
        apply(new MemoRestored(memoId));
        return Versions.current();
    }

    private MemoAccess visibleTo(Actor actor) {
        MemoAccess access = new MemoAccess(author, to, draft, stage);
        if (author == null || deleted || !access.canView(actor)) {
            throw new Rejected.NotFound(memoId);
        }
        return access;
    }

    private void requireReviewer(MemoAccess access, Actor actor) {
        if (draft) {
            throw new Rejected.WrongState("error.memo.draft-not-sent");
        }
        if (!access.mayReview(actor)) {
            throw new Rejected.Forbidden("error.memo.review-forbidden");
        }
    }

    /** Says why: an author who lost the right because of the review is told so. */
    private Rejected.Forbidden forbidden(String code) {
        return stage == MemoStage.REVIEWED ? new Rejected.Forbidden("error.memo.reviewed-locked")
                : new Rejected.Forbidden(code);
    }

    private static void addIfDifferent(List<FieldChange> changes, Field field, String from, String to) {
        if (!Objects.equals(from, to)) {
            changes.add(field.change(from, to));
        }
    }

    /** A sent memo has a recipient, an active user; a draft may have none yet. */
    private static void checkRecipient(String to, boolean draft, UserDirectory users, List<Rejected.FieldError> errors) {
        if (to == null) {
            if (!draft) {
                errors.add(Input.error(MemoKind.TO, "validation.memo.recipient-required"));
            }
        } else if (!users.isActiveUser(to)) {
            errors.add(Input.error(MemoKind.TO, "validation.unknown-user", to));
        }
    }

    /** The deal given as text: an ID, or "" for none; anything else is refused as not a reference. */
    private static Long dealOf(String given, List<Rejected.FieldError> errors) {
        String clean = Input.clean(given);
        if (clean == null) {
            return null;
        }
        try {
            long id = Long.parseLong(clean);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        errors.add(Input.error(MemoKind.DEAL, "validation.reference"));
        return null;
    }

    /** A memo's deal, when it has one, is a live deal its author may see: any other ID is refused alike. */
    private static void checkDeal(Long deal, Actor actor, VisibleObjects objects, List<Rejected.FieldError> errors) {
        if (deal != null && !objects.visible(DealKind.KIND, deal, actor)) {
            errors.add(Input.error(MemoKind.DEAL, "validation.memo.unknown-deal", deal));
        }
    }

    @EventSourcingHandler
    void on(MemoCreated e) {
        memoId = e.memoId();
        author = e.owner();
        title = e.title();
        description = e.description();
        to = e.to();
        draft = e.draft();
        deal = e.deal();
        stage = MemoStage.PENDING;
    }

    @EventSourcingHandler
    void on(MemoChanged e) {
        for (FieldChange c : e.changes()) {
            if (MemoKind.TITLE.is(c.field())) {
                title = c.to();
            } else if (MemoKind.DESCRIPTION.is(c.field())) {
                description = c.to();
            } else if (MemoKind.TO.is(c.field())) {
                to = c.to();
            } else if (MemoKind.DRAFT.is(c.field())) {
                draft = Boolean.parseBoolean(c.to());
            } else if (MemoKind.DEAL.is(c.field())) {
                deal = c.to() == null ? null : Long.valueOf(c.to());
            } else {
                throw new IllegalStateException("unknown memo field in a stored event: " + c.field());
            }
        }
    }

    @EventSourcingHandler
    void on(MemoPostponed e) {
        stage = MemoStage.POSTPONED;
    }

    @EventSourcingHandler
    void on(MemoReviewed e) {
        stage = MemoStage.REVIEWED;
        conclusion = e.conclusion();
    }

    @EventSourcingHandler
    void on(MemoRestored e) {
        deleted = false;
    }

    @EventSourcingHandler
    void on(MemoDeleted e) {
        deleted = true;
    }
}
