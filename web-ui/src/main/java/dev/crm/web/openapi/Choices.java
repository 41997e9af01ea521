package dev.crm.web.openapi;

import dev.crm.shared.ApiNamed;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The values a text field or parameter of the API takes: the {@link ApiNamed#apiName() API names} of an enum
 * ({@code @Choices(TaskStage.class) String stage}). The description lists them, so that a generated client knows
 * them; the enum stays the one place they are written.
 */
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
public @interface Choices {

    Class<? extends ApiNamed> value();
}
