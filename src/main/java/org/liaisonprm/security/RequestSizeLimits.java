package org.liaisonprm.security;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Limits request bodies before anything reads them, ahead of Spring Security and multipart parsing:
 * <ul>
 * <li>a caller who has not signed in may send {@code liaison.security.request-size.anonymous} (64 KB): the
 * login form and Vaadin's first requests fit many times over;</li>
 * <li>a signed-in caller may send {@code .json} (1 MB) of JSON and {@code .upload} of anything else (imports;
 * the multipart settings carry the same limit).</li>
 * </ul>
 * A declared {@code Content-Length} above the limit is answered 413 at once. A body of unknown length
 * (chunked) is counted as it arrives: up to the anonymous and JSON limits it is read here, in memory, and
 * handed on; an upload is counted while it is read, and a form or multipart body from a caller who has not
 * signed in, which the server would parse itself where it cannot be counted, must declare its length (411).
 * Refusals are JSON: {@code {"error": "…"}}.
 * <p>
 * Who has signed in is decided from what the request carries before Spring Security runs: a UI session
 * holding an authenticated user (and not ended), or, for {@code /api/**} and {@code /actuator/**}, an
 * {@code Authorization} header. That header is not checked here, and need not be: on those paths nothing
 * reads a body before the credentials are checked, so false ones get 401 without their body being read.
 */
class RequestSizeLimits extends OncePerRequestFilter {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SecurityProperties.RequestSize limits;
    private final SessionRegistry sessions;

    RequestSizeLimits(SecurityProperties.RequestSize limits, SessionRegistry sessions) {
        this.limits = limits;
        this.sessions = sessions;
    }

    /** What a body may hold, and the sentence that refuses a larger one. */
    private record Limit(long bytes, String refusal) {
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long declared = request.getContentLengthLong();
        boolean chunked = declared < 0 && request.getHeader("Transfer-Encoding") != null;
        if (declared <= 0 && !chunked) {
            chain.doFilter(request, response);
            return;
        }
        boolean signedIn = signedIn(request);
        boolean json = isJson(request);
        Limit limit = !signedIn ? limit(limits.anonymous(), "before signing in")
                : json ? limit(limits.json(), "for JSON (liaison.security.request-size.json)")
                : limit(limits.upload(), "for uploads (liaison.security.request-size.upload)");
        if (declared > limit.bytes()) {
            refuse(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, limit.refusal());
            return;
        }
        if (!chunked) {
            // the server reads no more than the declared length
            chain.doFilter(request, response);
            return;
        }
        if (!signedIn && parsedByTheServer(request)) {
            refuse(response, HttpServletResponse.SC_LENGTH_REQUIRED,
                    "A form sent before signing in must declare its length (Content-Length)");
            return;
        }
        if (!signedIn || json) {
            byte[] body = readAtMost(request.getInputStream(), limit.bytes());
            if (body == null) {
                refuse(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, limit.refusal());
                return;
            }
            chain.doFilter(new ReadBody(request, body), response);
            return;
        }
        var counted = new CountedBody(request, limit.bytes());
        var answer = new RefusingResponse(response, limit.refusal());
        try {
            chain.doFilter(counted, answer);
        } catch (IOException | ServletException | RuntimeException e) {
            if (!counted.overflowed() || response.isCommitted()) {
                throw e;
            }
        }
        if (counted.overflowed() && !answer.refused() && !response.isCommitted()) {
            response.reset();
            refuse(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, limit.refusal());
        }
    }

    private boolean signedIn(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if ((path.startsWith("/api/") || path.startsWith("/actuator/")) && request.getHeader("Authorization") != null) {
            return true;
        }
        var session = request.getSession(false);
        if (session == null) {
            return false;
        }
        SessionInformation information = sessions.getSessionInformation(session.getId());
        if (information != null && information.isExpired()) {
            return false;
        }
        return session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY) instanceof SecurityContext context
                && context.getAuthentication() != null && context.getAuthentication().isAuthenticated()
                && !(context.getAuthentication() instanceof AnonymousAuthenticationToken);
    }

    private static boolean isJson(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase(Locale.ROOT).contains("json");
    }

    /** Bodies the servlet container parses itself (form parameters, multipart parts), not through a stream we see. */
    private static boolean parsedByTheServer(HttpServletRequest request) {
        String type = request.getContentType();
        String lower = type == null ? "" : type.toLowerCase(Locale.ROOT);
        return lower.startsWith("multipart/") || lower.startsWith("application/x-www-form-urlencoded");
    }

    private static Limit limit(DataSize size, String where) {
        return new Limit(size.toBytes(), "The request body is larger than the " + describe(size) + " allowed " + where);
    }

    /** 65536 bytes as 64KB, 1048576 as 1MB, as the settings are written. */
    static String describe(DataSize size) {
        long bytes = size.toBytes();
        if (bytes > 0 && bytes % (1L << 30) == 0) {
            return size.toGigabytes() + "GB";
        }
        if (bytes > 0 && bytes % (1L << 20) == 0) {
            return size.toMegabytes() + "MB";
        }
        if (bytes > 0 && bytes % (1L << 10) == 0) {
            return size.toKilobytes() + "KB";
        }
        return bytes + " bytes";
    }

    private static void refuse(HttpServletResponse response, int status, String message) throws IOException {
        response.setStatus(status);
        // the rest of the body is not wanted: close rather than read it
        response.setHeader("Connection", "close");
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(JSON.writeValueAsString(Map.of("error", message)));
        response.flushBuffer();
    }

    /** The whole body when it holds at most {@code limit} bytes, else null (and the rest is not read). */
    private static byte[] readAtMost(InputStream in, long limit) throws IOException {
        var body = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int n;
        while ((n = in.read(buffer)) >= 0) {
            if (body.size() + (long) n > limit) {
                return null;
            }
            body.write(buffer, 0, n);
        }
        return body.toByteArray();
    }

    /** A request whose body was read here: it is read again from memory. */
    private static final class ReadBody extends HttpServletRequestWrapper {

        private final byte[] body;

        ReadBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            return new StreamOf(new ByteArrayInputStream(body));
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body), charset));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }

    /** A request whose body is counted while it is read; past the limit reading fails. */
    private static final class CountedBody extends HttpServletRequestWrapper {

        private final long limit;
        private long read;
        private boolean overflowed;
        private ServletInputStream stream;

        CountedBody(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        boolean overflowed() {
            return overflowed;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                var in = super.getInputStream();
                stream = new StreamOf(new InputStream() {
                    @Override
                    public int read() throws IOException {
                        int b = in.read();
                        count(b < 0 ? -1 : 1);
                        return b;
                    }

                    @Override
                    public int read(byte[] b, int off, int len) throws IOException {
                        int n = in.read(b, off, len);
                        count(n);
                        return n;
                    }
                }) {
                    @Override
                    public boolean isReady() {
                        return in.isReady();
                    }

                    @Override
                    public boolean isFinished() {
                        return in.isFinished();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        in.setReadListener(listener);
                    }
                };
            }
            return stream;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.ISO_8859_1 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }

        private void count(int n) throws IOException {
            if (n > 0) {
                read += n;
                if (read > limit) {
                    overflowed = true;
                    throw new IOException("The request body is larger than the limit of " + limit + " bytes");
                }
            }
        }
    }

    /** Turns an error 413 from further down (a multipart upload over its limit) into the JSON refusal. */
    private static final class RefusingResponse extends HttpServletResponseWrapper {

        private final String refusal;
        private boolean refused;

        RefusingResponse(HttpServletResponse response, String refusal) {
            super(response);
            this.refusal = refusal;
        }

        boolean refused() {
            return refused;
        }

        @Override
        public void sendError(int status) throws IOException {
            sendError(status, null);
        }

        @Override
        public void sendError(int status, String message) throws IOException {
            if (status != SC_REQUEST_ENTITY_TOO_LARGE || isCommitted()) {
                super.sendError(status, message);
                return;
            }
            refused = true;
            resetBuffer();
            refuse((HttpServletResponse) getResponse(), status, refusal);
        }
    }

    /** A servlet input stream over a plain one (its blocking reads only). */
    private static class StreamOf extends ServletInputStream {

        private final InputStream in;
        private boolean finished;

        StreamOf(InputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            finished = b < 0;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            finished = n < 0;
            return n;
        }

        @Override
        public boolean isFinished() {
            return finished;
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
            throw new UnsupportedOperationException("A body read here is read with blocking reads");
        }
    }
}
