package org.liaisonprm;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Liaison: a graph-native physician relationship manager. This is the Spring application; the command line
 * ({@code java -jar liaison.jar [COMMAND]}) starts in {@link org.liaisonprm.cli.Liaison}.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class LiaisonApplication {

    /** Serves the application: the web server and the graph. */
    public static ConfigurableApplicationContext serve(String[] args) {
        var application = new SpringApplication(LiaisonApplication.class);
        application.setMainApplicationClass(LiaisonApplication.class);
        return application.run(args);
    }
}
