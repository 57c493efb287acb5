package org.twittner.media.control;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.spi.IIORegistry;

/**
 * ImageIO does not look for plugins in a WAR's libraries by itself: without this scan the
 * TwelveMonkeys readers (CMYK JPEG, WebP) are silently ignored inside Payara. The registry is
 * JVM-wide, so the application's plugins are taken out again when it is undeployed.
 */
@WebListener
public class ImageIoPlugins implements ServletContextListener {

    @Override
    public void contextInitialized(ServletContextEvent event) {
        ImageIO.scanForPlugins();
        ImageIO.setUseCache(false); // streams are memory-backed or files we open ourselves
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        ClassLoader application = ImageIoPlugins.class.getClassLoader();
        IIORegistry registry = IIORegistry.getDefaultInstance();
        for (Iterator<Class<?>> categories = registry.getCategories(); categories.hasNext(); ) {
            Class<?> category = categories.next();
            List<Object> ours = new ArrayList<>();
            registry.getServiceProviders(category, false)
                    .forEachRemaining(provider -> {
                        if (provider.getClass().getClassLoader() == application) {
                            ours.add(provider);
                        }
                    });
            ours.forEach(provider -> registry.deregisterServiceProvider(provider));
        }
    }
}
