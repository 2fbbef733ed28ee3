package io.gluebench.cli;

import picocli.CommandLine;

/** Reads a size such as 1000, 10_000 or 1e6; anything else is a one-line usage error. */
public final class SizeConverter implements CommandLine.ITypeConverter<Integer> {
    @Override
    public Integer convert(String value) {
        String v = value.trim().replace("_", "");
        try {
            double d = v.matches("[0-9]+") ? Long.parseLong(v) : Double.parseDouble(v);
            if (d < 0 || d > Integer.MAX_VALUE || d != Math.rint(d) || v.matches(".*[a-zA-Z&&[^eE]].*")) {
                throw new NumberFormatException();
            }
            return (int) d;
        } catch (NumberFormatException e) {
            throw new CommandLine.TypeConversionException(
                    "invalid size '" + value + "': a size is a whole number from 0 to " + Integer.MAX_VALUE + ", e.g. 1000 or 1e6");
        }
    }
}
