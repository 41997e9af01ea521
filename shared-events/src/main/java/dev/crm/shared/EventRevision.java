package dev.crm.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The revision of an event's stored shape. An event without it is of the first shape (revision null); an
 * event whose stored JSON changes in a way older readers cannot take (a field renamed, a value reshaped) gets
 * the next revision here and an upcaster that brings the older shapes up to it, so that every event ever
 * stored still loads, projects and shows in history (docs/architecture.md, "Event evolution"). The store
 * writes the revision beside each event ({@code payloadrevision}); the event store reads it through the
 * application's revision resolver. Fields only added, read as null from older events, need no revision.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EventRevision {

    String value();
}
