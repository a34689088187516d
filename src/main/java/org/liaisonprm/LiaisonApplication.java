package org.liaisonprm;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Liaison: a graph-native physician relationship manager.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class LiaisonApplication {

    public static void main(String[] args) {
        SpringApplication.run(LiaisonApplication.class, args);
    }
}
