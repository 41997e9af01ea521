package dev.crm.web.openapi;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A reading operation that answers 403 to everyone but admins: the description says so ({@link ApiOperations}).
 * Changes are described with their 403 anyway. The check itself stays where it is (the service or the handler).
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface AdminOnly {
}
