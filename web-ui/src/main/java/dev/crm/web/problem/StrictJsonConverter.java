package dev.crm.web.problem;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;

/**
 * JSON request bodies must be valid UTF-8. Jackson decodes some invalid sequences leniently (the
 * overlong {@code C0 AF} becomes {@code /}), so the bytes are checked with Java's strict decoder first;
 * a bad body is a 400 like any other malformed JSON. Bodies of the API are small, so reading them whole
 * costs nothing worth mentioning.
 */
@Configuration(proxyBeanMethods = false)
class StrictJsonConverter {

    @Bean
    MappingJackson2HttpMessageConverter mappingJackson2HttpMessageConverter(ObjectMapper objectMapper) {
        return new MappingJackson2HttpMessageConverter(objectMapper) {
            @Override
            public Object read(Type type, Class<?> contextClass, HttpInputMessage input) throws IOException {
                return super.read(type, contextClass, checked(input));
            }

            @Override
            protected Object readInternal(Class<?> clazz, HttpInputMessage input) throws IOException {
                return super.readInternal(clazz, checked(input));
            }
        };
    }

    private static HttpInputMessage checked(HttpInputMessage input) throws IOException {
        var charset = input.getHeaders().getContentType() == null ? null
                : input.getHeaders().getContentType().getCharset();
        if (charset != null && !charset.equals(StandardCharsets.UTF_8)) {
            return input;
        }
        byte[] bytes = input.getBody().readAllBytes();
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
        } catch (CharacterCodingException e) {
            throw new HttpMessageNotReadableException("the body is not valid UTF-8", e, input);
        }
        return new HttpInputMessage() {
            @Override
            public InputStream getBody() {
                return new ByteArrayInputStream(bytes);
            }

            @Override
            public HttpHeaders getHeaders() {
                return input.getHeaders();
            }
        };
    }
}
