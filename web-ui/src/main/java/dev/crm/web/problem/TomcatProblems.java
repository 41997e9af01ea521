package dev.crm.web.problem;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/**
 * Requests Tomcat refuses before they reach the application: a URL it cannot decode or normalise
 * ({@code %ZZ}, {@code %00}, a backslash, {@code ..} above the root), a request line with a character no
 * URL may hold, headers over {@code server.max-http-request-header-size}. No context is found for them, so
 * the application's error page is not asked; Tomcat's error report valve of the host answers them, with a bare
 * HTML page. Its replacement here answers those of the API as problem+json ({@link Problems#forStatus}), and
 * every other one as before. A request line Tomcat could not read has no path at all: it is answered as the
 * API's, since browsers never send one (they encode what a URL may not hold); scripts do.
 */
@Component
class TomcatProblems implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

    private final Problems problems;

    TomcatProblems(Problems problems) {
        this.problems = problems;
    }

    /** After Spring Boot's customizer, whose error report valve (no report, no server info) this one replaces. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                for (Valve valve : host.getPipeline().getValves()) {
                    if (valve instanceof ErrorReportValve) {
                        host.getPipeline().removeValve(valve);
                    }
                }
                host.getPipeline().addValve(new ProblemReportValve(problems));
                // the host adds its default valve when it finds none of this class
                host.setErrorReportValveClass(ProblemReportValve.class.getName());
            }
        });
    }

    /** Tomcat's error report, as problem+json for the API. */
    static final class ProblemReportValve extends ErrorReportValve {

        private final Problems problems;

        ProblemReportValve(Problems problems) {
            this.problems = problems;
            setShowReport(false);
            setShowServerInfo(false);
        }

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            String uri = request.getRequestURI();
            boolean api = uri == null || uri.isEmpty() || Problems.isApiPath(uri, request.getContextPath());
            if (!api) {
                super.report(request, response, throwable);
                return;
            }
            // as the super class: not for a success, nor over what was written, nor twice
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            AtomicBoolean ioAllowed = new AtomicBoolean(false);
            response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
            if (!ioAllowed.get()) {
                return;
            }
            try {
                ProblemDetail problem = problems.forStatus(status, dev.crm.web.config.ReaderLocaleResolver.localeOf(request));
                String json = problems.json(problem);
                response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                response.setCharacterEncoding("UTF-8");
                Writer writer = response.getReporter();
                if (writer != null) {
                    writer.write(json);
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException e) {
                // the client is gone, or the answer was committed after all: nothing more to say
            }
        }
    }
}
