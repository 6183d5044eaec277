package io.kubesim.server.validation;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Kubernetes {@code resource.Quantity} ({@code 500m}, {@code 1.5Gi}, {@code 2e3}) parsed to an
 * exact decimal, with upstream's canonical printing ({@link #canonical()}, e.g. {@code 0.5} prints
 * as {@code 500m} and {@code 1536Mi} stays {@code 1536Mi}). Values finer than one nano-unit are
 * rounded up, as upstream does. Immutable value.
 *
 * @param value  the exact amount
 * @param format which suffix family the input used; it decides how the value prints
 */
public record Quantity(BigDecimal value, Format format) implements Comparable<Quantity> {

    /** The suffix families of upstream's quantity format. */
    public enum Format { DECIMAL_SI, BINARY_SI, DECIMAL_EXPONENT }

    public static final String FORMAT_ERROR =
            "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
    public static final String SUFFIX_ERROR = "unable to parse quantity's suffix";

    private static final Pattern SYNTAX = Pattern.compile("^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$");
    private static final Pattern NUMBER = Pattern.compile("^[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)$");
    private static final Pattern EXPONENT = Pattern.compile("^[eE]([-+]?[0-9]+)$");
    private static final Map<String, Integer> DECIMAL = Map.of("n", -9, "u", -6, "m", -3, "", 0, "k", 3,
            "M", 6, "G", 9, "T", 12, "P", 15, "E", 18);
    private static final Map<String, Integer> BINARY = Map.of("Ki", 10, "Mi", 20, "Gi", 30, "Ti", 40,
            "Pi", 50, "Ei", 60);
    private static final BigDecimal KI = BigDecimal.valueOf(1024);

    /** Parses {@code text}; throws {@link IllegalArgumentException} with upstream's message when malformed. */
    public static Quantity parse(String text) {
        Matcher m = SYNTAX.matcher(text == null ? "" : text);
        if (!m.matches() || !NUMBER.matcher(m.group(1)).matches()) {
            throw new IllegalArgumentException(FORMAT_ERROR);
        }
        BigDecimal number = new BigDecimal(m.group(1));
        String suffix = m.group(2);
        BigDecimal value;
        Format format;
        if (DECIMAL.containsKey(suffix)) {
            value = number.scaleByPowerOfTen(DECIMAL.get(suffix));
            format = Format.DECIMAL_SI;
        } else if (BINARY.containsKey(suffix)) {
            value = number.multiply(new BigDecimal(BigInteger.TWO.pow(BINARY.get(suffix))));
            format = Format.BINARY_SI;
        } else {
            Matcher e = EXPONENT.matcher(suffix);
            if (!e.matches()) {
                throw new IllegalArgumentException(SUFFIX_ERROR);
            }
            value = number.scaleByPowerOfTen(Integer.parseInt(e.group(1)));
            format = Format.DECIMAL_EXPONENT;
        }
        if (value.scale() > 9) {
            value = value.setScale(9, RoundingMode.UP);
        }
        return new Quantity(value, format);
    }

    /** Null when {@code text} parses, else the problem. */
    public static String problem(String text) {
        try {
            parse(text);
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    public int signum() {
        return value.signum();
    }

    @Override
    public int compareTo(Quantity o) {
        return value.compareTo(o.value);
    }

    public Quantity plus(Quantity o) {
        return new Quantity(value.add(o.value), format);
    }

    /** The string upstream's {@code Quantity.String()} prints for this value. */
    public String canonical() {
        if (value.signum() == 0) {
            return "0";
        }
        if (format == Format.BINARY_SI && value.abs().compareTo(KI) >= 0 && isInteger(value)) {
            BigInteger n = value.toBigIntegerExact();
            int exp = 0;
            BigInteger k = BigInteger.valueOf(1024);
            while (exp < 60 && n.mod(k).signum() == 0) {
                n = n.divide(k);
                exp += 10;
            }
            int power = exp;
            String suffix = BINARY.entrySet().stream().filter(e -> e.getValue() == power)
                    .findFirst().map(Map.Entry::getKey).orElse("");
            return n + suffix;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        BigInteger mantissa = stripped.unscaledValue();
        int exponent = -stripped.scale();
        int mod = Math.floorMod(exponent, 3);
        mantissa = mantissa.multiply(BigInteger.TEN.pow(mod));
        exponent -= mod;
        if (format == Format.DECIMAL_EXPONENT) {
            return mantissa + (exponent == 0 ? "" : "e" + exponent);
        }
        int e = exponent;
        return mantissa + DECIMAL.entrySet().stream().filter(x -> x.getValue() == e).findFirst()
                .map(Map.Entry::getKey).orElse("e" + exponent);
    }

    @Override
    public String toString() {
        return canonical();
    }

    private static boolean isInteger(BigDecimal v) {
        return v.signum() == 0 || v.scale() <= 0 || v.stripTrailingZeros().scale() <= 0;
    }
}
