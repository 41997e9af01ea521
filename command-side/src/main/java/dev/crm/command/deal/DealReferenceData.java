package dev.crm.command.deal;

import java.util.Optional;

/** What a deal needs to know of stages and closing reasons (reference data); the application answers from their read model. */
public interface DealReferenceData {

    /** The default stage of the department (null: none), or else of every department. */
    Optional<Long> defaultStage(Long department);

    /** The success stage of the department (null: none), or else of every department. */
    Optional<Long> successStage(Long department);

    /** Whether a live stage has this ID and belongs to the department (null: none) or to every department. */
    boolean stageOf(long stage, Long department);

    /** Whether a live closing reason has this ID: empty if none, else whether it is a success. */
    Optional<Boolean> closingSuccess(long reason);
}
