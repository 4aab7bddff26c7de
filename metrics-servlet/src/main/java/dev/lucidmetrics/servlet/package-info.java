/**
 * The standard HTTP request metrics of metrics-core for any Jakarta Servlet 6 container (tested on Jetty 12 ee10 and
 * Tomcat 11): {@link dev.lucidmetrics.servlet.MetricsFilter}.
 */
package dev.lucidmetrics.servlet;
