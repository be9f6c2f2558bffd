package org.privacymailbox;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The command line that runs the service (or one of its commands) in a process of its own, on the tests' class path. */
public final class ServiceProcess {

    private ServiceProcess() {
    }

    public static List<String> command(Path java, List<String> arguments) {
        // an empty entry would put the working directory, and the routes/ folder there, on the class path a second time
        String classPath = Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.isBlank()).collect(Collectors.joining(File.pathSeparator));
        List<String> command = new ArrayList<>(List.of(java.toString(), "-Xmx512m", "-cp", classPath, PrivacyMailboxApplication.class.getName()));
        command.addAll(arguments);
        return command;
    }

    /** The Java running the tests. */
    public static Path currentJava() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }
}
