package org.twittner.media.control;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import javax.imageio.ImageIO;

/**
 * ImageIO does not look for plugins in a WAR's libraries by itself: without this scan the
 * TwelveMonkeys readers (CMYK JPEG, WebP) are silently ignored inside Payara.
 */
@WebListener
public class ImageIoPlugins implements ServletContextListener {

    @Override
    public void contextInitialized(ServletContextEvent event) {
        ImageIO.scanForPlugins();
        ImageIO.setUseCache(false); // streams are memory-backed or files we open ourselves
    }
}
