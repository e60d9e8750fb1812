package org.mhconnect.journal.transfer;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;

import javax.crypto.Cipher;
import javax.crypto.CipherInputStream;
import javax.crypto.CipherOutputStream;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.IvParameterSpec;

/**
 * An import body, received once and read as often as needed without holding it in memory: it is copied to a
 * temporary file (0600), encrypted with a key that exists only in this object (AES-CTR), so no journal words ever
 * lie on disk in the clear, and the file is deleted on {@link #close()}. Bytes are counted as they arrive, so the
 * limit holds for chunked bodies too, and a SHA-256 of what arrived is kept for the {@code Idempotency-Key}.
 */
final class ImportSpool implements AutoCloseable {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path file;
    private final SecretKey key;
    private final byte[] iv;
    private final String sha256;

    private ImportSpool(Path file, SecretKey key, byte[] iv, String sha256) {
        this.file = file;
        this.key = key;
        this.iv = iv;
        this.sha256 = sha256;
    }

    /** Reads the whole body; {@link ImportTooLargeException} as soon as it passes {@code limit} bytes. */
    static ImportSpool receive(InputStream body, long limit, MessageDigest digest) throws IOException {
        Path file = Files.createTempFile("journal-import-", ".spool");
        try {
            SecretKey key = KeyGenerator.getInstance("AES").generateKey();
            byte[] iv = new byte[16];
            RANDOM.nextBytes(iv);
            long total = 0;
            byte[] buffer = new byte[64 * 1024];
            try (OutputStream out = new CipherOutputStream(new BufferedOutputStream(Files.newOutputStream(file)),
                    cipher(Cipher.ENCRYPT_MODE, key, iv))) {
                for (int read = body.read(buffer); read != -1; read = body.read(buffer)) {
                    total += read;
                    if (total > limit) {
                        throw new ImportTooLargeException(limit);
                    }
                    digest.update(buffer, 0, read);
                    out.write(buffer, 0, read);
                }
            }
            return new ImportSpool(file, key, iv, HexFormat.of().formatHex(digest.digest()));
        }
        catch (GeneralSecurityException ex) {
            Files.deleteIfExists(file);
            throw new IllegalStateException("AES is not available", ex);
        }
        catch (IOException | RuntimeException ex) {
            Files.deleteIfExists(file);
            throw ex;
        }
    }

    /** The body again, from the start. */
    InputStream open() throws IOException {
        try {
            return new CipherInputStream(new BufferedInputStream(Files.newInputStream(file), 64 * 1024),
                    cipher(Cipher.DECRYPT_MODE, key, iv));
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("AES is not available", ex);
        }
    }

    /** The SHA-256 (hex) of the digest given to {@link #receive}, fed with the body. */
    String sha256() {
        return sha256;
    }

    @Override
    public void close() throws IOException {
        Files.deleteIfExists(file);
    }

    private static Cipher cipher(int mode, SecretKey key, byte[] iv) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/CTR/NoPadding");
        cipher.init(mode, key, new IvParameterSpec(iv));
        return cipher;
    }
}
