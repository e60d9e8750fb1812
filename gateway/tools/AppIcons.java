import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

/**
 * Draws the web app's icons (the installed app's icons in {@code manifest.webmanifest}) from the shapes of
 * {@code static/favicon.svg}: a green circle with a white heart. JDK only, so the PNGs can be made again anywhere:
 *
 * <pre>java gateway/tools/AppIcons.java gateway/src/main/resources/static/icons</pre>
 *
 * The maskable icon fills the whole square with the green and keeps the heart inside the middle 60%, because a
 * launcher may cut it to a circle, a squircle or a rounded square (the safe zone is the middle 80% circle).
 */
public final class AppIcons {

    /** favicon.svg's fill. */
    static final Color GREEN = new Color(0x2f, 0x6b, 0x5f);

    public static void main(String[] args) throws IOException {
        Path folder = Path.of(args.length > 0 ? args[0] : "gateway/src/main/resources/static/icons");
        Files.createDirectories(folder);
        write(round(192), folder.resolve("icon-192.png"));
        write(round(512), folder.resolve("icon-512.png"));
        write(maskable(512), folder.resolve("maskable-512.png"));
        write(maskable(180), folder.resolve("apple-touch-icon.png"));
    }

    /** As favicon.svg: a circle of radius 15 in a 32-unit square, the heart inside. */
    static BufferedImage round(int size) {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = canvas(image);
        double unit = size / 32.0;
        g.setColor(GREEN);
        g.fill(new Ellipse2D.Double(unit, unit, 30 * unit, 30 * unit));
        g.setColor(Color.WHITE);
        g.fill(AffineTransform.getScaleInstance(unit, unit).createTransformedShape(heart()));
        g.dispose();
        return image;
    }

    /** The whole square green; the heart (14 by 13.2 units of 32) scaled to 60% of the icon's width. */
    static BufferedImage maskable(int size) {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = canvas(image);
        g.setColor(GREEN);
        g.fillRect(0, 0, size, size);
        double scale = size * 0.6 / 14.0;
        AffineTransform place = new AffineTransform();
        place.translate(size / 2.0, size / 2.0);
        place.scale(scale, scale);
        place.translate(-16, -17.4); // the heart's middle in favicon units (x 9 to 23, y 10.8 to 24)
        g.setColor(Color.WHITE);
        g.fill(place.createTransformedShape(heart()));
        g.dispose();
        return image;
    }

    private static Graphics2D canvas(BufferedImage image) {
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setStroke(new BasicStroke(0));
        return g;
    }

    /**
     * favicon.svg's path, in its 32-unit coordinates:
     * {@code M16 24 s-7-4.4-7-9.2 A3.8 3.8 0 0 1 16 12.6 a3.8 3.8 0 0 1 7 2.2 C23 19.6 16 24 16 24z}.
     */
    static Path2D heart() {
        Path2D.Double path = new Path2D.Double();
        path.moveTo(16, 24);
        path.curveTo(16, 24, 9, 19.6, 9, 14.8); // s: the first control point is the current point
        arc(path, 9, 14.8, 3.8, 16, 12.6);
        arc(path, 16, 12.6, 3.8, 23, 14.8);
        path.curveTo(23, 19.6, 16, 24, 16, 24);
        path.closePath();
        return path;
    }

    /**
     * An SVG elliptical arc with equal radii, no rotation, large-arc 0 and sweep 1 (SVG 1.1, appendix F.6.5), as
     * short line segments from (x1, y1) to (x2, y2), turning clockwise on the screen (the heart's two upper curves).
     */
    private static void arc(Path2D path, double x1, double y1, double r, double x2, double y2) {
        double mx = (x1 + x2) / 2;
        double my = (y1 + y2) / 2;
        double dx = x2 - x1;
        double dy = y2 - y1;
        double chord = Math.hypot(dx, dy);
        double toCentre = Math.sqrt(Math.max(0, r * r - chord * chord / 4));
        // Sweep 1 with the small arc: the centre lies to the right of the chord (y points down).
        double cx = mx - dy / chord * toCentre;
        double cy = my + dx / chord * toCentre;
        double from = Math.atan2(y1 - cy, x1 - cx);
        double to = Math.atan2(y2 - cy, x2 - cx);
        while (to < from) {
            to += 2 * Math.PI;
        }
        int steps = 48;
        for (int i = 1; i <= steps; i++) {
            double angle = from + (to - from) * i / steps;
            path.lineTo(cx + r * Math.cos(angle), cy + r * Math.sin(angle));
        }
    }

    private static void write(BufferedImage image, Path file) throws IOException {
        ImageIO.write(image, "png", file.toFile());
        System.out.println(file + " " + image.getWidth() + "x" + image.getHeight());
    }
}
