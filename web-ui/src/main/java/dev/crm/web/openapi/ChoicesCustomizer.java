package dev.crm.web.openapi;

import dev.crm.shared.ApiNamed;
import dev.crm.shared.kind.Kind;
import dev.crm.shared.kind.Kinds;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.lang.annotation.Annotation;
import java.util.Arrays;
import java.util.List;
import org.springdoc.core.customizers.ParameterCustomizer;
import org.springdoc.core.customizers.PropertyCustomizer;
import org.springframework.core.MethodParameter;
import org.springframework.stereotype.Component;

/** Lists the values of every {@link Choices} field and parameter in the description. */
@Component
class ChoicesCustomizer implements PropertyCustomizer, ParameterCustomizer {

    @Override
    public Schema customize(Schema property, AnnotatedType type) {
        Annotation[] annotations = type.getCtxAnnotations();
        if (annotations != null) {
            Arrays.stream(annotations).filter(Choices.class::isInstance).map(Choices.class::cast).findFirst()
                    .ifPresent(choices -> restrict(property, values(choices.value())));
            if (Arrays.stream(annotations).anyMatch(AnyKind.class::isInstance)) {
                restrict(property, Kinds.ALL.stream().map(Kind::name).toList());
            }
        }
        return property;
    }

    @Override
    public Parameter customize(Parameter parameter, MethodParameter methodParameter) {
        Choices choices = methodParameter.getParameterAnnotation(Choices.class);
        if (parameter != null && choices != null && parameter.getSchema() != null) {
            restrict(parameter.getSchema(), values(choices.value()));
        }
        return parameter;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void restrict(Schema schema, List<String> values) {
        Schema target = schema.getItems() != null ? schema.getItems() : schema;
        target.setEnum((List) values);
    }

    static List<String> values(Class<? extends ApiNamed> type) {
        ApiNamed[] constants = type.getEnumConstants();
        if (constants == null) {
            throw new IllegalStateException(type.getName() + " is not an enum: @Choices needs the enum of the values");
        }
        return Arrays.stream(constants).map(ApiNamed::apiName).toList();
    }
}
