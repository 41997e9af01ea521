package dev.crm.web.file;

import dev.crm.shared.kind.Kind;
import dev.crm.shared.kind.Kinds;
import dev.crm.web.page.Sizes;
import dev.crm.web.page.Texts;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.SessionFlashMapManager;

/**
 * A too-large upload from the files panel without JavaScript. The form carries its CSRF token in the body
 * (never in the URL), and Tomcat refuses to parse a body larger than {@code crm.max-upload} at all, so the
 * token could not be read and the CSRF check would answer a bare 403. The size is known from
 * {@code Content-Length} before anything is read: a signed-in user is sent back to the object's page with
 * the message, as the controller does for an upload that turns out too large while it is read. Nothing else
 * happens, so skipping the CSRF check here gives another site nothing (and it has no session cookie to send).
 */
@Component
class TooLargeUploadPages extends OncePerRequestFilter implements Ordered {

    /** An upload to the files of an object of a kind with pages that accepts files. */
    private static final Pattern UPLOAD = Pattern.compile("/(" + Kinds.ALL.stream()
            .filter(k -> k.pages() && k.acceptsFiles()).map(Kind::path).collect(Collectors.joining("|"))
            + ")/(\\d{1,18})/files");

    private final long maxBytes;
    private final Texts texts;
    private final Sizes sizes;
    private final SessionFlashMapManager flashes = new SessionFlashMapManager();

    TooLargeUploadPages(@Value("${crm.max-upload}") DataSize maxUpload, Texts texts, Sizes sizes) {
        this.maxBytes = maxUpload.toBytes();
        this.texts = texts;
        this.sizes = sizes;
    }

    /** Before Spring Security, whose CSRF check comes first there. */
    @Override
    public int getOrder() {
        return SecurityProperties.DEFAULT_FILTER_ORDER - 1;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Matcher upload = UPLOAD.matcher(request.getRequestURI().substring(request.getContextPath().length()));
        if ("POST".equals(request.getMethod()) && upload.matches() && request.getContentLengthLong() > maxBytes
                && request.getContentType() != null && request.getContentType().startsWith("multipart/")
                && signedIn(request)) {
            FlashMap flash = new FlashMap();
            flash.put("flash", texts.text("files.flash.too-large", sizes.human(maxBytes)));
            flash.put("flashLevel", "warning");
            String page = request.getContextPath() + "/" + upload.group(1) + "/" + upload.group(2);
            flash.setTargetRequestPath(page);
            flashes.saveOutputFlashMap(flash, request, response);
            response.sendRedirect(page);
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean signedIn(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session != null && session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY)
                instanceof SecurityContext context && context.getAuthentication() != null;
    }
}
