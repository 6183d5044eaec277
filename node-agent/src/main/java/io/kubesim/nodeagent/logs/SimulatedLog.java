package io.kubesim.nodeagent.logs;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The output of a simulated container, as a pure function of its run and the time: what an
 * image would print at start (nginx's entrypoint and notices for nginx images, a short start-up
 * line for others), then one line per second while it runs (an access-log line for a kubelet
 * probe, or a heartbeat), and an exit line when it has ended. The same run always yields the same
 * lines, so follow, tail and since filters are consistent between requests. Stateless.
 */
public final class SimulatedLog {

    private static final DateTimeFormatter NGINX_NOTICE = DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm:ss")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter ACCESS = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final List<String> NGINX_ENTRYPOINT = List.of(
            "/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration",
            "/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/",
            "/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh",
            "10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf",
            "10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf",
            "/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh",
            "/docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh",
            "/docker-entrypoint.sh: Configuration complete; ready for start up");

    private SimulatedLog() {
    }

    /** Every line {@code run} has written up to {@code until} (or its end, if earlier), in order. */
    public static List<LogLine> lines(ContainerRun run, Instant until) {
        Instant end = run.finishedAt() != null && run.finishedAt().isBefore(until) ? run.finishedAt() : until;
        List<LogLine> out = new ArrayList<>();
        boolean nginx = isNginx(run.image());
        List<String> startup = nginx ? nginxStartup(run) : List.of(
                "level=info msg=\"starting\" container=" + run.container() + " image=" + run.image());
        for (int i = 0; i < startup.size(); i++) {
            Instant t = run.startedAt().plusMillis(i);
            if (!t.isAfter(end)) {
                out.add(new LogLine(t, startup.get(i)));
            }
        }
        long seconds = Duration.between(run.startedAt(), end).getSeconds();
        for (long k = 1; k <= seconds; k++) {
            Instant t = run.startedAt().plusSeconds(k);
            out.add(new LogLine(t, nginx ? accessLine(run, t) : "level=info msg=\"heartbeat\" seq=" + k));
        }
        if (run.finishedAt() != null && !run.finishedAt().isAfter(until) && !nginx) {
            out.add(new LogLine(run.finishedAt(), "level=info msg=\"exiting\" code=" + run.exitCode()));
        }
        return out;
    }

    private static boolean isNginx(String image) {
        String repo = image.contains("@") ? image.substring(0, image.indexOf('@')) : image;
        int colon = repo.lastIndexOf(':');
        if (colon > repo.lastIndexOf('/')) {
            repo = repo.substring(0, colon);
        }
        return repo.equals("nginx") || repo.endsWith("/nginx");
    }

    private static List<String> nginxStartup(ContainerRun run) {
        String tag = run.image().contains(":") ? run.image().substring(run.image().lastIndexOf(':') + 1) : "latest";
        String version = tag.matches("[0-9]+(\\.[0-9]+)*") ? tag : "1.27.3";
        String at = NGINX_NOTICE.format(run.startedAt()) + " [notice] 1#1: ";
        List<String> lines = new ArrayList<>(NGINX_ENTRYPOINT);
        lines.add(at + "using the \"epoll\" event method");
        lines.add(at + "nginx/" + version);
        lines.add(at + "built by gcc 12.2.0 (Debian 12.2.0-14)");
        lines.add(at + "OS: Linux 6.8.0-51-generic");
        lines.add(at + "getrlimit(RLIMIT_NOFILE): 1048576:1048576");
        lines.add(at + "start worker processes");
        lines.add(at + "start worker process 29");
        return lines;
    }

    private static String accessLine(ContainerRun run, Instant t) {
        return run.clientIp() + " - - [" + ACCESS.format(t) + "] \"GET / HTTP/1.1\" 200 615 \"-\" \"kube-probe/1.32\" \"-\"";
    }
}
