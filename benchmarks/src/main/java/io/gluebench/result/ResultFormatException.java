package io.gluebench.result;

/** A results file that cannot be used; the message names the file and what is wrong. */
public class ResultFormatException extends Exception {
    public ResultFormatException(String message) {
        super(message);
    }
}
