package org.liaisonprm.importer;

import org.liaisonprm.graph.Graph;
import org.liaisonprm.graph.GraphSchema;
import org.liaisonprm.graph.ReferralRollup;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.AbstractBeanDefinition;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.CommandLineRunner;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The start-up of the import command's context. Of the application's start-up steps (its runners) only the
 * schema runs: creating the first user (and printing its one-time password), the demo region, re-keying
 * stored credentials and the check of the referral rollup belong to the server's start, which does them as
 * before. An import rebuilds the rollup itself after writing rows; a dry run writes nothing at all.
 */
final class ImportStartup implements BeanFactoryPostProcessor {

    static final ApplicationContextInitializer<ConfigurableApplicationContext> INITIALIZER =
            context -> context.addBeanFactoryPostProcessor(new ImportStartup(true));

    /**
     * No start-up step at all, not even the schema, and every bean of the application created only when asked
     * for (even those with a schedule): the store is opened only when a bean asks for the graph.
     */
    static final ApplicationContextInitializer<ConfigurableApplicationContext> SETTINGS_ONLY =
            context -> context.addBeanFactoryPostProcessor(new ImportStartup(false));

    private static final String APPLICATION = "org.liaisonprm.";

    private final boolean schema;

    private ImportStartup(boolean schema) {
        this.schema = schema;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        var registry = (BeanDefinitionRegistry) beanFactory;
        if (!schema) {
            for (String name : beanFactory.getBeanDefinitionNames()) {
                var definition = beanFactory.getBeanDefinition(name);
                String type = definition.getBeanClassName() != null ? definition.getBeanClassName()
                        : definition.getFactoryBeanName() != null
                        ? beanFactory.getBeanDefinition(definition.getFactoryBeanName()).getBeanClassName() : null;
                if (type != null && type.startsWith(APPLICATION)) {
                    definition.setLazyInit(true);
                }
            }
        }
        for (Class<?> runner : new Class<?>[] {ApplicationRunner.class, CommandLineRunner.class}) {
            for (String name : beanFactory.getBeanNamesForType(runner, true, false)) {
                Class<?> type = beanFactory.getType(name, false);
                if (type == null || (schema && GraphSchema.class.isAssignableFrom(type))) {
                    continue;
                }
                if (schema && ReferralRollup.class.isAssignableFrom(type)) {
                    // the importer needs the service, not its start-up check
                    ((AbstractBeanDefinition) registry.getBeanDefinition(name)).setBeanClass(RollupOnRequest.class);
                } else {
                    registry.removeBeanDefinition(name);
                }
            }
        }
    }

    /** The referral rollup, rebuilt when asked to and never at start-up. */
    static final class RollupOnRequest extends ReferralRollup {

        RollupOnRequest(Graph graph) {
            super(graph);
        }

        @Override
        public void run(ApplicationArguments args) {
            // the server checks the rollup when it starts
        }
    }
}
