/**
 * The standard HTTP request metrics of metrics-core for any Jakarta Servlet 6 container (Jetty 12 ee10, Tomcat
 * 10.1 and 11, Undertow): {@link dev.lucidmetrics.servlet.MetricsFilter}.
 */
package dev.lucidmetrics.servlet;
