package org.chamberlain.app.accounts;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Optional;
import java.util.Properties;

/**
 * Passwords in a file readable only by the user (mode 600 where the file system has POSIX permissions).
 * The file is NOT encrypted (Base64 only keeps passwords from being read over a shoulder); use it only when
 * the person opts in because no keyring is available. Thread-safe; every change rewrites the file atomically.
 */
public final class FilePasswordVault implements PasswordVault {
    private final Path file;

    public FilePasswordVault(Path file) {
        this.file = file;
    }

    /** The default file beside the account settings. */
    public static FilePasswordVault atDefaultLocation() {
        return new FilePasswordVault(PlatformDirectories.configDir().resolve("passwords.properties"));
    }

    public Path file() {
        return file;
    }

    @Override
    public PasswordStorage storage() {
        return PasswordStorage.FILE;
    }

    @Override
    public synchronized Optional<char[]> find(String accountJid) throws PasswordVaultException {
        String encoded = load().getProperty(accountJid);
        if (encoded == null) {
            return Optional.empty();
        }
        byte[] bytes = Base64.getDecoder().decode(encoded);
        return Optional.of(new String(bytes, StandardCharsets.UTF_8).toCharArray());
    }

    @Override
    public synchronized void store(String accountJid, char[] password) throws PasswordVaultException {
        Properties passwords = load();
        passwords.setProperty(accountJid,
                Base64.getEncoder().encodeToString(new String(password).getBytes(StandardCharsets.UTF_8)));
        save(passwords);
    }

    @Override
    public synchronized void forget(String accountJid) throws PasswordVaultException {
        Properties passwords = load();
        if (passwords.remove(accountJid) != null) {
            save(passwords);
        }
    }

    private Properties load() throws PasswordVaultException {
        Properties passwords = new Properties();
        if (!Files.exists(file)) {
            return passwords;
        }
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            passwords.load(reader);
            return passwords;
        } catch (IOException | IllegalArgumentException e) {
            throw new PasswordVaultException("Cannot read the password file " + file + ": " + e.getMessage(), e);
        }
    }

    private void save(Properties passwords) throws PasswordVaultException {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path temp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.deleteIfExists(temp);
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(temp, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(temp);
            }
            try (Writer writer = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                passwords.store(writer, "Chamberlain account passwords (Base64, NOT encrypted)");
            }
            try {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new PasswordVaultException("Cannot write the password file " + file + ": " + e.getMessage(), e);
        }
    }
}
