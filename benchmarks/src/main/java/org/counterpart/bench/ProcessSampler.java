package org.counterpart.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * CPU time and resident memory of the service processes, read from /proc (Linux): CPU as a share of one core over
 * a phase, resident memory as the largest sample during it.
 */
final class ProcessSampler implements AutoCloseable {

    /** USER_HZ, the unit of utime/stime in /proc/PID/stat: 100 on every mainstream Linux. */
    private static final double TICKS_PER_SECOND = 100.0;

    record Usage(double cpuCores, long maxRssBytes) {
    }

    private final Map<String, Long> pids;
    private final Map<String, Long> startTicks = new LinkedHashMap<>();
    private final Map<String, Long> maxRss = new LinkedHashMap<>();
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
    private final long startNanos = System.nanoTime();

    ProcessSampler(Map<String, Long> pids) {
        this.pids = pids;
        pids.forEach((name, pid) -> {
            startTicks.put(name, cpuTicks(pid));
            maxRss.put(name, rss(pid));
        });
        sampler.scheduleAtFixedRate(this::sampleRss, 250, 250, TimeUnit.MILLISECONDS);
    }

    private synchronized void sampleRss() {
        pids.forEach((name, pid) -> maxRss.merge(name, rss(pid), Math::max));
    }

    synchronized Map<String, Usage> usage() {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        Map<String, Usage> usage = new LinkedHashMap<>();
        pids.forEach((name, pid) -> usage.put(name, new Usage(
                (cpuTicks(pid) - startTicks.get(name)) / TICKS_PER_SECOND / seconds, maxRss.get(name))));
        return usage;
    }

    static long cpuTicks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // Fields after the command name (which may hold spaces) start after the last ')'.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime + stime
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    static long rss(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return 0;
    }

    @Override
    public void close() {
        sampler.shutdownNow();
    }
}
