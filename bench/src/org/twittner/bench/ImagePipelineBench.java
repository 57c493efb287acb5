package org.twittner.bench;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.twittner.media.control.CoverWindow;
import org.twittner.media.control.ImagePipeline;

/**
 * The avatar and cover pipelines on one photo, in-process (decode from the file, encode to a
 * file, as the server does), beside vipsthumbnail and ImageMagick on the same file and the same
 * task when they are installed. Prints medians and ratios; run it through bench/image.sh.
 */
public final class ImagePipelineBench {

    private static final int WARM_UP = 5;
    private static final int RUNS = 15;

    private ImagePipelineBench() {
    }

    public static void main(String[] args) throws Exception {
        Path photo = Path.of(args[0]);
        Path out = Files.createTempDirectory("twittner-bench");
        ImageIO.scanForPlugins();
        ImagePipeline pipeline = new ImagePipeline(50_000_000);
        String fileName = photo.getFileName().toString();

        Task avatar = () -> ImagePipeline.writeJpeg(pipeline.avatar(photo, fileName), out.resolve("avatar.jpg"));
        Task cover = () -> {
            BufferedImage original = pipeline.coverOriginal(photo, fileName);
            ImagePipeline.writeJpeg(original, out.resolve("cover_orig.jpg"));
            int top = CoverWindow.centred(original.getWidth(), original.getHeight()).y;
            ImagePipeline.writeJpeg(ImagePipeline.coverWindow(original, top), out.resolve("cover.jpg"));
        };

        System.out.printf(Locale.ROOT, "input: %s (%d bytes)%n", photo, Files.size(photo));
        System.out.printf(Locale.ROOT, "java: %s, %d processors, max heap %d MiB%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        System.out.printf(Locale.ROOT, "%d warm-up runs, median of %d runs%n%n", WARM_UP, RUNS);
        System.out.printf(Locale.ROOT, "%-44s %10s %10s %10s%n", "task", "median ms", "p90 ms", "vs ours");

        double ours = report("twittner avatar 512x512 (in-process)", time(avatar), 0);
        Heap heap = heap(avatar);
        double oursCover = report("twittner cover 600xH + 600x200 (in-process)", time(cover), 0);
        Heap coverHeap = heap(cover);

        Path vips = Path.of("/usr/bin/vipsthumbnail");
        if (Files.isExecutable(vips)) {
            report("vipsthumbnail avatar (process)", time(command(vips.toString(), photo.toString(), "--size", "512x512",
                    "--smartcrop", "centre", "-o", out.resolve("vips.jpg") + "[Q=85,strip]")), ours);
            report("vipsthumbnail 600 wide (process)", time(command(vips.toString(), photo.toString(), "--size", "600x",
                    "-o", out.resolve("vips-cover.jpg") + "[Q=85,strip]")), oursCover);
            report("  of which process start (--vips-version)", time(command(vips.toString(), "--vips-version")), ours);
        } else {
            System.out.println("vipsthumbnail: not installed (apt-get install libvips-tools)");
        }
        Path magick = Path.of("/usr/bin/convert-im6.q16");
        if (Files.isExecutable(magick)) {
            report("ImageMagick avatar (process)", time(command(magick.toString(), photo.toString(), "-auto-orient",
                    "-resize", "512x512^", "-gravity", "center", "-extent", "512x512", "-strip", "-quality", "85",
                    out.resolve("im.jpg").toString())), ours);
            report("ImageMagick avatar, jpeg:size hint (process)", time(command(magick.toString(), "-define",
                    "jpeg:size=1024x1024", photo.toString(), "-auto-orient", "-thumbnail", "512x512^", "-gravity",
                    "center", "-extent", "512x512", "-quality", "85", out.resolve("im2.jpg").toString())), ours);
            report("ImageMagick 600 wide (process)", time(command(magick.toString(), photo.toString(), "-auto-orient",
                    "-resize", "600x", "-strip", "-quality", "85", out.resolve("im-cover.jpg").toString())), oursCover);
        } else {
            System.out.println("ImageMagick: not installed (apt-get install imagemagick)");
        }

        Path compare = Path.of("/usr/bin/compare-im6.q16");
        if (Files.isExecutable(compare) && Files.isExecutable(magick)) {
            // quality: closeness to ImageMagick's Lanczos resize (higher dB is closer)
            System.out.printf(Locale.ROOT, "%navatar PSNR against ImageMagick -resize (Lanczos): twittner %s dB", psnr(compare, out, "avatar.jpg"));
            if (Files.exists(out.resolve("vips.jpg"))) {
                System.out.printf(Locale.ROOT, ", vipsthumbnail %s dB", psnr(compare, out, "vips.jpg"));
            }
            System.out.println();
        }

        System.out.printf(Locale.ROOT, "%nheap per upload (median of %d): avatar peak +%.1f MiB, allocated %.1f MiB;"
                + " cover peak +%.1f MiB, allocated %.1f MiB%n", RUNS, heap.peakMiB, heap.allocatedMiB,
                coverHeap.peakMiB, coverHeap.allocatedMiB);
        System.out.printf(Locale.ROOT, "(the decoded 4000x3000 photo alone would be %.1f MiB as 3-byte BGR)%n",
                4000 * 3000 * 3 / 1048576.0);
    }

    private static String psnr(Path compare, Path dir, String file) throws Exception {
        Process process = new ProcessBuilder(compare.toString(), "-metric", "PSNR", dir.resolve(file).toString(),
                dir.resolve("im.jpg").toString(), "null:").redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes()).strip();
        process.waitFor();
        return output;
    }

    @FunctionalInterface
    interface Task {
        void run() throws Exception;
    }

    private static Task command(String... command) {
        return () -> {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            byte[] output = process.getInputStream().readAllBytes();
            if (process.waitFor() != 0) {
                throw new IOException(String.join(" ", command) + " failed: " + new String(output));
            }
        };
    }

    private static double[] time(Task task) throws Exception {
        for (int i = 0; i < WARM_UP; i++) {
            task.run();
        }
        double[] millis = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            task.run();
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        return millis;
    }

    private static double report(String name, double[] sortedMillis, double ours) {
        double median = sortedMillis[sortedMillis.length / 2];
        double p90 = sortedMillis[(int) Math.ceil(sortedMillis.length * 0.9) - 1];
        String ratio = ours == 0 ? "1.00" : String.format(Locale.ROOT, "%.2f", median / ours);
        System.out.printf(Locale.ROOT, "%-44s %10.1f %10.1f %10s%n", name, median, p90, ratio);
        return median;
    }

    record Heap(double peakMiB, double allocatedMiB) {
    }

    /** Peak heap above the idle level, and bytes allocated, for one run of the task. */
    private static Heap heap(Task task) throws Exception {
        List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP).toList();
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        List<Double> peaks = new ArrayList<>();
        List<Double> allocations = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            System.gc();
            long idle = pools.stream().mapToLong(pool -> pool.getUsage().getUsed()).sum();
            pools.forEach(MemoryPoolMXBean::resetPeakUsage);
            long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
            task.run();
            allocations.add((threads.getCurrentThreadAllocatedBytes() - allocatedBefore) / 1048576.0);
            long peak = pools.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
            peaks.add((peak - idle) / 1048576.0);
        }
        peaks.sort(null);
        allocations.sort(null);
        return new Heap(peaks.get(RUNS / 2), allocations.get(RUNS / 2));
    }
}
