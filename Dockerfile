# Builds and runs the CRM. `docker compose up` (see docker-compose.yml) runs it with PostgreSQL.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
RUN ./mvnw -B -q -DskipTests package

FROM eclipse-temurin:17-jre
RUN useradd --system --home /var/lib/crm crm && mkdir -p /var/lib/crm && chown crm /var/lib/crm
USER crm
WORKDIR /var/lib/crm
COPY --from=build /src/web-ui/target/crm.jar /opt/crm/crm.jar
ENV CRM_DATA_DIR=/var/lib/crm
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/opt/crm/crm.jar"]
