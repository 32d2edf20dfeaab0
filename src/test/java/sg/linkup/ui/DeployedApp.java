package sg.linkup.ui;

import java.io.File;
import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What every browser journey stands on: the WAR the build made (not a test-made archive, so the tests see what ships),
 * deployed on Payara Micro by Arquillian, and its address for {@link Browser} and {@link Setup}.
 */
@ExtendWith(ArquillianExtension.class)
abstract class DeployedApp {

    @Deployment(testable = false)
    static WebArchive war() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("it.war")));
    }

    @ArquillianResource
    URL deployment;
}
