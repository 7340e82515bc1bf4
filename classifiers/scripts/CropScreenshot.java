import java.awt.image.BufferedImage;
import java.io.File;
import javax.imageio.ImageIO;

/**
 * Cuts a full-page screenshot into one picture per section, each section into pieces of at most
 * HEIGHT pixels, with plain Java (no ImageMagick needed):
 * {@code java CropScreenshot.java FULL.png OUT_DIR HEIGHT NAME1 TOP1 [NAME2 TOP2 ...]} writes
 * {@code OUT_DIR/NAME1-1.png}, {@code NAME1-2.png}, ... covering TOP1 up to TOP2, and so on; the
 * last section runs to the end of the page.
 */
public class CropScreenshot {
    public static void main(String[] args) throws Exception {
        BufferedImage full = ImageIO.read(new File(args[0]));
        File dir = new File(args[1]);
        int height = Integer.parseInt(args[2]);
        for (int i = 3; i + 1 < args.length; i += 2) {
            int top = clamp(Integer.parseInt(args[i + 1]), full.getHeight());
            int end = i + 3 < args.length ? clamp(Integer.parseInt(args[i + 3]), full.getHeight()) : full.getHeight();
            int piece = 1;
            for (int y = top; y < end; y += height) {
                BufferedImage part = full.getSubimage(0, y, full.getWidth(), Math.min(height, end - y));
                ImageIO.write(part, "png", new File(dir, args[i] + "-" + piece++ + ".png"));
            }
        }
    }

    private static int clamp(int y, int max) {
        return Math.max(0, Math.min(y, max - 1));
    }
}
