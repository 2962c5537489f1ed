import type { GuidanceData } from './types';

/** Spring Boot: auto-configured Spring applications on the JVM. */
export const springBoot: GuidanceData = {
  name: 'spring-boot',
  language: 'java',
  docs: 'https://spring.io/projects/spring-boot',
  summary: 'Opinionated Spring on the JVM: starters, auto-configuration and an embedded server, in Java or Kotlin.',
  keyPatterns: [
    '`@RestController` classes with `@RequestMapping("/api/v1/users")` and `@GetMapping` / `@PostMapping` methods.',
    'Constructor injection with `final` fields; no field injection.',
    'Request and response DTOs (Java records) validated with `@Valid` and Jakarta Bean Validation (`spring-boot-starter-validation`).',
    'Controller, `@Service` (transaction boundaries with `@Transactional`), Spring Data repository.',
    'Typed configuration with `@ConfigurationProperties`; one profile per environment.',
    'Actuator for health and metrics; springdoc-openapi for the OpenAPI document.',
  ],
  databaseIntegration: [
    '`spring-boot-starter-data-jpa` (Hibernate) with `JpaRepository` interfaces and derived or `@Query` methods.',
    'Flyway scripts in `src/main/resources/db/migration` (`V1__init.sql`), or Liquibase changelogs.',
    '`spring.jpa.hibernate.ddl-auto=validate` and `spring.jpa.open-in-view=false`; fetch joins or entity graphs against N+1 queries.',
  ],
  dataAccess: {
    orm: 'Spring Data JPA (Hibernate)',
    migrations: 'Flyway (or Liquibase)',
    pool: 'HikariCP (the default): `spring.datasource.hikari.maximum-pool-size`, `connection-timeout`',
  },
  authentication: [
    'Spring Security with a `SecurityFilterChain` bean; stateless APIs use `spring-boot-starter-oauth2-resource-server` with `oauth2ResourceServer(o -> o.jwt(...))`.',
    'Method security with `@EnableMethodSecurity` and `@PreAuthorize` on service methods.',
    '`PasswordEncoderFactories.createDelegatingPasswordEncoder()` (bcrypt by default) when the service stores passwords.',
  ],
  testing: [
    '`@SpringBootTest` with `@AutoConfigureMockMvc` for full-context API tests.',
    'Slices: `@WebMvcTest` with `MockMvc` and `@MockitoBean` (Boot 3.4+, `@MockBean` before), `@DataJpaTest` for repositories.',
    'Testcontainers with `@ServiceConnection` for a real database; spring-security-test (`@WithMockUser`, `jwt()`) for secured endpoints.',
  ],
  coverageCommand: 'mvn verify with the JaCoCo `check` goal (LINE covered ratio minimum {target}%)',
  auditCommand: 'mvn org.owasp:dependency-check-maven:check',
  middleware: [
    'Spring Security filter chain (CORS from a `CorsConfigurationSource`; CSRF disabled only for stateless token APIs)',
    '`OncePerRequestFilter` for request IDs in the MDC and access logs',
    'Rate limiting with Bucket4j',
    '`HandlerInterceptor` for per-handler concerns',
    '`@RestControllerAdvice` for errors',
    'Actuator and Micrometer metrics',
  ],
  errorHandling:
    'A `@RestControllerAdvice` with `@ExceptionHandler` methods returning `ProblemDetail` (RFC 9457, built into Spring 6); set `spring.mvc.problemdetails.enabled=true` for the framework\'s own errors.',
  before: {
    major: 2,
    changes: {
      authentication: [
        'Spring Security with a `WebSecurityConfigurerAdapter` subclass or, from Boot 2.7, a `SecurityFilterChain` bean; a `OncePerRequestFilter` that reads the bearer token.',
        'Method security with `@EnableGlobalMethodSecurity(prePostEnabled = true)` and `@PreAuthorize` on service methods.',
      ],
      testing: [
        '`@SpringBootTest` with `@AutoConfigureMockMvc` for full-context API tests.',
        'Slices: `@WebMvcTest` with `MockMvc` and `@MockBean`, `@DataJpaTest` for repositories.',
      ],
      errorHandling:
        'A `@RestControllerAdvice` with `@ExceptionHandler` methods returning one error body of the service\'s own (`ProblemDetail` arrived with Boot 3).',
    },
  },
  layout: [
    { path: 'src/main/java/<pkg>/controller/', purpose: 'REST controllers', tag: 'API' },
    { path: 'src/main/java/<pkg>/service/', purpose: 'business logic', tag: 'SERVICE' },
    { path: 'src/main/java/<pkg>/repository/', purpose: 'Spring Data repositories and entities', tag: 'DB' },
    { path: 'src/main/resources/db/migration/', purpose: 'Flyway scripts', tag: 'DB' },
    { path: 'src/main/java/<pkg>/config/', purpose: 'security and web configuration, filters', tag: 'MIDDLEWARE' },
    { path: 'src/test/java/<pkg>/', purpose: 'JUnit 5 tests', tag: 'TEST' },
  ],
};
