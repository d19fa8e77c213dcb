package trellis.cli;

import java.io.PrintWriter;
import java.util.List;

/** Columns padded to their widest cell, two spaces apart, no trailing blanks. */
final class Table {
    private Table() {
    }

    static void print(PrintWriter out, List<String[]> rows, String indent) {
        int cols = rows.stream().mapToInt(r -> r.length).max().orElse(0);
        int[] width = new int[cols];
        for (String[] r : rows) {
            for (int i = 0; i < r.length; i++) {
                width[i] = Math.max(width[i], r[i].length());
            }
        }
        for (String[] r : rows) {
            StringBuilder b = new StringBuilder(indent);
            for (int i = 0; i < r.length; i++) {
                b.append(r[i]);
                if (i < r.length - 1) {
                    b.append(" ".repeat(width[i] - r[i].length() + 2));
                }
            }
            out.println(b.toString().stripTrailing());
        }
    }

    static String or(String s) {
        return s == null || s.isBlank() ? "-" : s;
    }
}
