package org.liaisonprm.graph;

import java.util.Optional;

import org.neo4j.configuration.Config;
import org.neo4j.gds.applications.modelcatalog.ModelRepository;
import org.neo4j.gds.applications.operations.FeatureTogglesRepository;
import org.neo4j.gds.core.model.OpenModelCatalog;
import org.neo4j.gds.core.write.NativeExportBuildersProvider;
import org.neo4j.gds.metrics.Metrics;
import org.neo4j.gds.procedures.ExporterBuildersProviderService;
import org.neo4j.gds.procedures.integration.DefaultExportLocation;
import org.neo4j.gds.procedures.integration.LogAccessor;
import org.neo4j.gds.procedures.integration.OpenGraphDataScienceExtensionBuilder;
import org.neo4j.kernel.api.procedure.GlobalProcedures;
import org.neo4j.kernel.extension.ExtensionFactory;
import org.neo4j.kernel.extension.ExtensionType;
import org.neo4j.kernel.extension.context.ExtensionContext;
import org.neo4j.kernel.lifecycle.Lifecycle;
import org.neo4j.logging.internal.LogService;

/**
 * Provides the component GDS procedures are injected with, as the open-source GDS plugin does on a
 * Neo4j server: native writes only, no metrics, models kept in memory and never stored.
 * <p>
 * Found by Neo4j through {@code META-INF/services/org.neo4j.kernel.extension.ExtensionFactory}.
 */
public final class GdsExtensionFactory extends ExtensionFactory<GdsExtensionFactory.Dependencies> {

    public GdsExtensionFactory() {
        super(ExtensionType.GLOBAL, "liaison.gds");
    }

    @Override
    public Lifecycle newInstance(ExtensionContext context, Dependencies dependencies) {
        var log = new LogAccessor().getLog(dependencies.logService(), getClass());
        Config config = dependencies.config();
        ExporterBuildersProviderService exporters = (database, configuration) -> new NativeExportBuildersProvider();
        ModelRepository noModelStore = model -> {
            throw new UnsupportedOperationException("Liaison keeps GDS models in memory only");
        };
        return OpenGraphDataScienceExtensionBuilder.create(
                        log,
                        dependencies.globalProcedures(),
                        config,
                        exporters,
                        new DefaultExportLocation(log, config),
                        new FeatureTogglesRepository(),
                        Metrics.DISABLED,
                        new OpenModelCatalog(),
                        noModelStore,
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty())
                .getLeft()
                .build();
    }

    public interface Dependencies {
        Config config();

        GlobalProcedures globalProcedures();

        LogService logService();
    }
}
