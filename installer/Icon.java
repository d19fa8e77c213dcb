import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * Draws the Trellis icon, a lattice (the trellis) with three service dots, as installer/trellis.svg
 * draws it, into the files the installers take: installer/icons/trellis-N.png for the sizes a Linux
 * desktop asks for, installer/trellis.png (256, jpackage's Linux icon), installer/icons/trellis.ico
 * (Windows, PNG entries) and installer/icons/trellis.icns (macOS, PNG entries).
 * Run from the checkout: java installer/Icon.java
 */
public class Icon {
    public static void main(String[] args) throws Exception {
        File dir = new File("installer/icons");
        dir.mkdirs();
        Map<Integer, byte[]> png = new LinkedHashMap<>();
        for (int size : new int[] {16, 24, 32, 48, 64, 128, 256, 512, 1024}) {
            png.put(size, png(draw(size)));
            if (size <= 512) Files.write(new File(dir, "trellis-" + size + ".png").toPath(), png.get(size));
        }
        Files.write(new File("installer/trellis.png").toPath(), png.get(256));
        writeIco(new File(dir, "trellis.ico"), png, 16, 24, 32, 48, 64, 128, 256);
        // icns types holding PNG data: icp4 16, icp5 32, icp6 64, ic07 128, ic08 256, ic09 512, ic10 1024
        Map<String, byte[]> icns = new LinkedHashMap<>();
        icns.put("icp4", png.get(16));
        icns.put("icp5", png.get(32));
        icns.put("icp6", png.get(64));
        icns.put("ic07", png.get(128));
        icns.put("ic08", png.get(256));
        icns.put("ic09", png.get(512));
        icns.put("ic10", png.get(1024));
        writeIcns(new File(dir, "trellis.icns"), icns);
    }

    /** The drawing on a 256 grid, scaled to size (the same shapes as trellis.svg). */
    static BufferedImage draw(int size) {
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.scale(size / 256.0, size / 256.0);
        g.setColor(new Color(0x1f3a5f));
        g.fill(new java.awt.geom.RoundRectangle2D.Float(8, 8, 240, 240, 56, 56));
        g.clip(new java.awt.geom.RoundRectangle2D.Float(20, 20, 216, 216, 44, 44));
        g.setColor(new Color(0x8fb8de));
        g.setStroke(new BasicStroke(10, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        for (int i = -1; i <= 2; i++) {
            g.drawLine(48 + i * 64, 208, 112 + i * 64 + 64, 48);
            g.drawLine(208 - i * 64, 208, 144 - i * 64 - 64, 48);
        }
        g.setClip(null);
        int[][] dots = {{128, 72}, {80, 168}, {176, 168}};
        Color[] colors = {new Color(0x2e9e5b), new Color(0x2f7fd1), new Color(0xe0a030)};
        for (int i = 0; i < 3; i++) {
            g.setColor(Color.WHITE);
            g.fill(new java.awt.geom.Ellipse2D.Float(dots[i][0] - 26, dots[i][1] - 26, 52, 52));
            g.setColor(colors[i]);
            g.fill(new java.awt.geom.Ellipse2D.Float(dots[i][0] - 20, dots[i][1] - 20, 40, 40));
        }
        g.dispose();
        return img;
    }

    static byte[] png(BufferedImage img) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    /** An ICO of PNG entries (Windows Vista and later): a 6-byte header, 16 bytes per entry, the PNGs. */
    static void writeIco(File file, Map<Integer, byte[]> png, int... sizes) throws IOException {
        ByteBuffer head = ByteBuffer.allocate(6 + 16 * sizes.length).order(ByteOrder.LITTLE_ENDIAN);
        head.putShort((short) 0).putShort((short) 1).putShort((short) sizes.length);
        int offset = 6 + 16 * sizes.length;
        for (int s : sizes) {
            head.put((byte) (s >= 256 ? 0 : s)).put((byte) (s >= 256 ? 0 : s)).put((byte) 0).put((byte) 0);
            head.putShort((short) 1).putShort((short) 32).putInt(png.get(s).length).putInt(offset);
            offset += png.get(s).length;
        }
        try (FileOutputStream out = new FileOutputStream(file)) {
            out.write(head.array());
            for (int s : sizes) out.write(png.get(s));
        }
    }

    /** An ICNS of PNG entries: 'icns', the file length, then per entry its type, length (with its 8-byte head) and PNG. */
    static void writeIcns(File file, Map<String, byte[]> entries) throws IOException {
        int length = 8;
        for (byte[] b : entries.values()) length += 8 + b.length;
        try (DataOutputStream out = new DataOutputStream(new FileOutputStream(file))) {
            out.writeBytes("icns");
            out.writeInt(length);
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                out.writeBytes(e.getKey());
                out.writeInt(8 + e.getValue().length);
                out.write(e.getValue());
            }
        }
    }
}
