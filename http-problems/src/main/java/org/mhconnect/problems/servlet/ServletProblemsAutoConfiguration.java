package org.mhconnect.problems.servlet;

import org.apache.catalina.Container;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

/**
 * No answer of an MVC service on Tomcat is ever a default error page: {@code /error} renders problem details
 * ({@link ProblemErrorController}, in place of Spring Boot's), Tomcat's own error report does too
 * ({@link ProblemErrorReportValve}), TRACE is refused up front ({@link RefuseTraceFilter}), and JSON bodies must be
 * well-formed UTF-8 ({@link WellFormedUtf8Filter}).
 */
@AutoConfiguration(before = ErrorMvcAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(name = {"org.springframework.web.servlet.DispatcherServlet", "org.apache.catalina.startup.Tomcat"})
public class ServletProblemsAutoConfiguration {

    @Bean
    ProblemErrorController problemErrorController() {
        return new ProblemErrorController();
    }

    @Bean
    FilterRegistrationBean<RefuseTraceFilter> refuseTraceFilter() {
        FilterRegistrationBean<RefuseTraceFilter> registration = new FilterRegistrationBean<>(new RefuseTraceFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    FilterRegistrationBean<WellFormedUtf8Filter> wellFormedUtf8Filter() {
        FilterRegistrationBean<WellFormedUtf8Filter> registration = new FilterRegistrationBean<>(new WellFormedUtf8Filter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemsOnTomcat() {
        return new ProblemsOnTomcat();
    }

    /** After Spring Boot's own Tomcat customizer, whose error report valve it replaces. */
    static final class ProblemsOnTomcat implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {
        @Override
        public void customize(TomcatServletWebServerFactory factory) {
            // Let TRACE reach RefuseTraceFilter, which answers it with a problem instead of Tomcat's empty 405.
            factory.addConnectorCustomizers(connector -> connector.setAllowTrace(true));
            factory.addContextCustomizers(context -> {
                Container host = context.getParent();
                for (Valve valve : host.getPipeline().getValves()) {
                    if (valve instanceof ErrorReportValve && !(valve instanceof ProblemErrorReportValve)) {
                        host.getPipeline().removeValve(valve);
                    }
                }
                host.getPipeline().addValve(new ProblemErrorReportValve());
                if (host instanceof StandardHost standardHost) {
                    standardHost.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
                }
            });
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }
}
