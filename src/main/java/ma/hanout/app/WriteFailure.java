package ma.hanout.app;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Why a file could not be written, in words: the JDK's own message is often only the path again. */
public final class WriteFailure {
    private WriteFailure() {
    }

    /** "Cannot write FILE: the folder FOLDER does not exist" and the like. */
    public static String describe(Path out, IOException e) {
        Path folder = out.toAbsolutePath().getParent();
        String why;
        if (Files.isDirectory(out)) {
            why = "it is a folder, not a file";
        } else if (e instanceof NoSuchFileException) {
            why = folder == null ? "no such file or folder" : "the folder " + folder + " does not exist";
        } else if (e instanceof AccessDeniedException) {
            why = "permission denied";
        } else if (e instanceof FileSystemException f && f.getReason() != null) {
            why = f.getReason();
        } else {
            why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
        return "Cannot write " + out + ": " + why;
    }
}
