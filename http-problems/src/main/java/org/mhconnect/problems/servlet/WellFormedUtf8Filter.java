package org.mhconnect.problems.servlet;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A JSON body must be well-formed UTF-8. Jackson decodes UTF-8 itself and takes an overlong sequence
 * ({@code C0 AF} for '/') or an encoded surrogate ({@code ED A0 80}) for a character; here the JDK's strict
 * decoder checks the bytes as they stream past, and a malformed body ends in a {@link MalformedInputException},
 * which the message converters turn into a 400 problem. Nothing is buffered beyond a split character.
 */
public class WellFormedUtf8Filter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String type = request.getContentType();
        boolean json = type != null && type.toLowerCase(java.util.Locale.ROOT).contains("json");
        chain.doFilter(json ? new CheckedRequest(request) : request, response);
    }

    private static final class CheckedRequest extends HttpServletRequestWrapper {
        private ServletInputStream checked;

        CheckedRequest(HttpServletRequest request) {
            super(request);
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (checked == null) {
                checked = new CheckedInputStream(super.getInputStream());
            }
            return checked;
        }
    }

    static final class CheckedInputStream extends ServletInputStream {
        private final ServletInputStream in;
        private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        private final CharBuffer scratch = CharBuffer.allocate(1024);
        private ByteBuffer carry = ByteBuffer.allocate(0);
        private boolean ended;

        CheckedInputStream(ServletInputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n < 0) {
                end();
            } else if (n > 0) {
                check(ByteBuffer.wrap(buffer, offset, n), false);
            }
            return n;
        }

        private void check(ByteBuffer chunk, boolean last) throws CharacterCodingException {
            ByteBuffer bytes = chunk;
            if (carry.hasRemaining()) {
                bytes = ByteBuffer.allocate(carry.remaining() + chunk.remaining()).put(carry).put(chunk).flip();
            }
            CoderResult result;
            do {
                scratch.clear();
                result = decoder.decode(bytes, scratch, last);
                if (result.isError()) {
                    result.throwException();
                }
            } while (result.isOverflow());
            carry = bytes.hasRemaining() ? ByteBuffer.allocate(bytes.remaining()).put(bytes).flip() : ByteBuffer.allocate(0);
        }

        private void end() throws CharacterCodingException {
            if (ended) {
                return;
            }
            ended = true;
            check(ByteBuffer.allocate(0), true);
            if (carry.hasRemaining()) {
                throw new MalformedInputException(carry.remaining());
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
