package io.gluebench.pattern;

/** A pattern could not open, bind or answer; the message is meant for the user. */
public class PatternException extends Exception {
    public PatternException(String message) {
        super(message);
    }

    public PatternException(String message, Throwable cause) {
        super(message, cause);
    }
}
