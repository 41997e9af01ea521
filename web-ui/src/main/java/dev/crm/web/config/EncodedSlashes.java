package dev.crm.web.config;

import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Tomcat answers a path with an encoded slash ({@code %2F}) with its own bare HTML 400. Passed through,
 * the path reaches Spring Security's firewall, which refuses it too, but as a problem+json 400 like every
 * other bad request (see {@code ProblemRequestRejectedHandler}); the application never sees it.
 */
@Component
class EncodedSlashes implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addConnectorCustomizers(connector ->
                connector.setEncodedSolidusHandling("passthrough"));
    }
}
