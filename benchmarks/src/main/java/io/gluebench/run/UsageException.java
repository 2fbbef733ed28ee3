package io.gluebench.run;

/** A user mistake: bad name, bad size, bad folder. Printed as one line; exit code 2. */
public class UsageException extends Exception {
    public UsageException(String message) {
        super(message);
    }
}
