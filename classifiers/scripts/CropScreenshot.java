import java.awt.image.BufferedImage;
import java.io.File;
import javax.imageio.ImageIO;

/**
 * Cuts a full-page screenshot into the pieces screenshot-report.sh names, with plain Java (no
 * ImageMagick needed): {@code java CropScreenshot.java FULL.png HEIGHT OUT1.png TOP1 [OUT2.png TOP2 ...]}.
 */
public class CropScreenshot {
    public static void main(String[] args) throws Exception {
        BufferedImage full = ImageIO.read(new File(args[0]));
        int height = Integer.parseInt(args[1]);
        for (int i = 2; i + 1 < args.length; i += 2) {
            int top = Math.max(0, Math.min(Integer.parseInt(args[i + 1]), full.getHeight() - 1));
            int h = Math.min(height, full.getHeight() - top);
            ImageIO.write(full.getSubimage(0, top, full.getWidth(), h), "png", new File(args[i]));
        }
    }
}
