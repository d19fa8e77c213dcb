package trellis.spec.validation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Go parsers the Control Plane runs on spec values, reproduced so that Trellis accepts the
 * same strings: dustin/go-humanize's ParseSI and ParseBytes, and the pg_hba tokenizer.
 */
final class GoParse {
    private static final Pattern SI = Pattern.compile("^([\\-0-9.]+)\\s?([qryzafpnµmkMGTPEZYRQ]?)(.*)$", Pattern.DOTALL);
    private static final Map<String, Double> SI_PREFIX = Map.ofEntries(
            Map.entry("q", 1e-30), Map.entry("r", 1e-27), Map.entry("y", 1e-24), Map.entry("z", 1e-21),
            Map.entry("a", 1e-18), Map.entry("f", 1e-15), Map.entry("p", 1e-12), Map.entry("n", 1e-9),
            Map.entry("µ", 1e-6), Map.entry("m", 1e-3), Map.entry("", 1.0), Map.entry("k", 1e3), Map.entry("M", 1e6),
            Map.entry("G", 1e9), Map.entry("T", 1e12), Map.entry("P", 1e15), Map.entry("E", 1e18),
            Map.entry("Z", 1e21), Map.entry("Y", 1e24), Map.entry("R", 1e27), Map.entry("Q", 1e30));
    private static final Map<String, BigDecimal> BYTE_UNITS = Map.ofEntries(
            Map.entry("", pow(1000, 0)), Map.entry("b", pow(1000, 0)),
            Map.entry("k", pow(1000, 1)), Map.entry("kb", pow(1000, 1)), Map.entry("ki", pow(1024, 1)), Map.entry("kib", pow(1024, 1)),
            Map.entry("m", pow(1000, 2)), Map.entry("mb", pow(1000, 2)), Map.entry("mi", pow(1024, 2)), Map.entry("mib", pow(1024, 2)),
            Map.entry("g", pow(1000, 3)), Map.entry("gb", pow(1000, 3)), Map.entry("gi", pow(1024, 3)), Map.entry("gib", pow(1024, 3)),
            Map.entry("t", pow(1000, 4)), Map.entry("tb", pow(1000, 4)), Map.entry("ti", pow(1024, 4)), Map.entry("tib", pow(1024, 4)),
            Map.entry("p", pow(1000, 5)), Map.entry("pb", pow(1000, 5)), Map.entry("pi", pow(1024, 5)), Map.entry("pib", pow(1024, 5)),
            Map.entry("e", pow(1000, 6)), Map.entry("eb", pow(1000, 6)), Map.entry("ei", pow(1024, 6)), Map.entry("eib", pow(1024, 6)));
    private static final BigDecimal MAX_UINT64 = new BigDecimal("18446744073709551615");
    private static final Pattern GO_FLOAT = Pattern.compile("^[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?$");

    private GoParse() {
    }

    private static BigDecimal pow(int base, int exp) {
        return BigDecimal.valueOf(base).pow(exp);
    }

    /** humanize.ParseSI: the value, or null when Go would return an error. */
    static Double si(String input) {
        Matcher m = SI.matcher(input);
        if (!m.matches()) {
            return null;
        }
        String num = m.group(1);
        if (!GO_FLOAT.matcher(num).matches()) {
            return null;
        }
        return Double.parseDouble(num) * SI_PREFIX.get(m.group(2));
    }

    /** humanize.ParseBytes: null when it parses, else Go's error text. */
    static String bytesError(String s) {
        int last = 0;
        boolean comma = false;
        // Go ranges over runes; unicode.IsDigit admits any decimal digit, which ParseFloat then refuses.
        while (last < s.length()) {
            int cp = s.codePointAt(last);
            if (!(Character.isDigit(cp) || cp == '.' || cp == ',')) {
                break;
            }
            comma |= cp == ',';
            last += Character.charCount(cp);
        }
        String num = s.substring(0, last);
        if (comma) {
            num = num.replace(",", "");
        }
        if (!GO_FLOAT.matcher(num).matches() || !num.chars().allMatch(c -> c < 128)) {
            return "strconv.ParseFloat: parsing \"" + num + "\": invalid syntax";
        }
        String extra = s.substring(last).strip().toLowerCase(Locale.ROOT);
        BigDecimal unit = BYTE_UNITS.get(extra);
        if (unit == null) {
            return "unhandled size name: " + extra;
        }
        double f = Double.parseDouble(num) * unit.doubleValue();
        if (f >= MAX_UINT64.doubleValue()) {
            return "too large: " + s;
        }
        return null;
    }

    /** hba.IsComment. */
    static boolean isHbaComment(String line) {
        // strings.TrimSpace trims unicode.IsSpace, which includes U+0085 and U+00A0
        int start = 0;
        while (start < line.length() && isGoSpace(line.codePointAt(start))) {
            start += Character.charCount(line.codePointAt(start));
        }
        return start == line.length() || line.charAt(start) == '#';
    }

    /** hba.tokenize: the tokens, or null for an unterminated quote. */
    static List<String> hbaTokens(String line) {
        List<String> tokens = new ArrayList<>();
        StringBuilder buf = new StringBuilder();
        boolean inQuote = false;
        for (int i = 0; i < line.length(); ) {
            int r = line.codePointAt(i);
            i += Character.charCount(r);
            if (r == '"') {
                inQuote = !inQuote;
            } else if (r == '#' && !inQuote) {
                flush(tokens, buf);
                return tokens;
            } else if (isGoSpace(r) && !inQuote) {
                flush(tokens, buf);
            } else {
                buf.appendCodePoint(r);
            }
        }
        if (inQuote) {
            return null;
        }
        flush(tokens, buf);
        return tokens;
    }

    private static boolean isGoSpace(int r) {
        return r == ' ' || r == '\t' || r == '\n' || r == '\u000B' || r == '\f' || r == '\r' || r == 0x85 || r == 0xA0
                || Character.isSpaceChar(r);
    }

    private static void flush(List<String> tokens, StringBuilder buf) {
        if (buf.length() > 0) {
            tokens.add(buf.toString());
            buf.setLength(0);
        }
    }
}
