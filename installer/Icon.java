import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.File;
import javax.imageio.ImageIO;

/** Draws installer/trellis.png: a lattice (the trellis) with three service dots. Run: java installer/Icon.java */
public class Icon {
    public static void main(String[] args) throws Exception {
        int s = 256;
        BufferedImage img = new BufferedImage(s, s, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(new Color(0x1f3a5f));
        g.fillRoundRect(8, 8, s - 16, s - 16, 56, 56);
        g.setClip(new java.awt.geom.RoundRectangle2D.Float(20, 20, s - 40, s - 40, 44, 44));
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
            g.fillOval(dots[i][0] - 26, dots[i][1] - 26, 52, 52);
            g.setColor(colors[i]);
            g.fillOval(dots[i][0] - 20, dots[i][1] - 20, 40, 40);
        }
        g.dispose();
        ImageIO.write(img, "png", new File(args.length > 0 ? args[0] : "installer/trellis.png"));
    }
}
