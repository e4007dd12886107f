package org.parley.launcher.main;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The entry point of {@code parley.jar}. It turns the options into framework properties, prepares the data
 * folder and logging, and hands over to bnd's embedded launcher, which starts Felix with the resolved bundles.
 */
public final class Main {
    /** Configuration files shipped in this jar and copied into {@code <data>/config} on first start. */
    static final List<String> DEFAULT_CONFIGURATION = List.of("JakartarsServletWhiteboardRuntimeComponent-parley.cfg");

    private Main() {}

    public static void main(String[] args) throws Throwable {
        Options options;
        try {
            options = Options.parse(args, System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("parley: " + e.getMessage());
            System.err.println(Options.USAGE);
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.println(Options.USAGE);
            return;
        }
        if (!portIsFree(options.port())) {
            System.err.println("parley: port " + options.port() + " is already in use; choose another with --port");
            System.exit(2);
            return;
        }
        prepare(options);
        OneLineLogging.install();
        Method launcher = Class.forName("aQute.launcher.pre.EmbeddedLauncher").getMethod("main", String[].class);
        launcher.invoke(null, (Object) new String[0]);
    }

    /** Checked up front: Jetty would only log a failed bind and leave a process that serves nothing. */
    static boolean portIsFree(int port) {
        if (port == 0) {
            return true;
        }
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static void prepare(Options options) throws IOException {
        Path data = options.data();
        createPrivately(data);
        Path config = Files.createDirectories(data.resolve("config"));
        Path deploy = Files.createDirectories(data.resolve("deploy"));
        System.setProperty("parley.data", data.toString());
        System.setProperty("org.osgi.service.http.port", Integer.toString(options.port()));
        // One watcher applies configuration files, the other hot-deploys bundles.
        System.setProperty("felix.fileinstall.dir", config + "," + deploy);
        System.setProperty("launch.storage.dir", data.resolve("framework").toString());
        seedDefaultConfiguration(config);
        if (options.database() != null) {
            System.setProperty("parley.db.url", options.database());
        }
    }

    /**
     * Creates the data folder readable by this user alone (on POSIX file systems): it holds the database, its
     * backups and configuration with passwords. A folder that exists already keeps the permissions it has.
     */
    static void createPrivately(Path data) throws IOException {
        if (Files.exists(data)) {
            return;
        }
        if (data.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.createDirectories(data, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                    java.nio.file.attribute.PosixFilePermissions.fromString("rwx------")));
        } else {
            Files.createDirectories(data);
        }
    }

    /** Writes the default configuration files that are not in the config folder yet; existing ones are kept. */
    static void seedDefaultConfiguration(Path config) throws IOException {
        for (String name : DEFAULT_CONFIGURATION) {
            Path target = config.resolve(name);
            if (Files.notExists(target)) {
                try (InputStream in = Main.class.getResourceAsStream("config/" + name)) {
                    Files.copy(in, target);
                }
            }
        }
    }
}
