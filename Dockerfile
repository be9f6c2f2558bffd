# Build stage: compile and package the jar.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -q -B dependency:go-offline
COPY src src
COPY routes routes
RUN mvn -q -B -DskipTests package

# Run stage: a small JRE image, a non-root user, the data directory as a volume.
FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 --home-dir /var/lib/privacy-mailbox privacy-mailbox \
    && mkdir -p /var/lib/privacy-mailbox/data && chown -R privacy-mailbox /var/lib/privacy-mailbox
WORKDIR /var/lib/privacy-mailbox
COPY --from=build /src/target/privacy-mailbox.jar /tmp/privacy-mailbox.jar
# Unpacked jars and a class-data archive made by one training start: the service (and an import) start in about
# half the time, since classes are neither searched in nested jars nor parsed again.
RUN java -Djarmode=tools -jar /tmp/privacy-mailbox.jar extract --destination /opt/privacy-mailbox \
    && rm /tmp/privacy-mailbox.jar \
    && mkdir -p /tmp/cds-training/empty \
    && java -XX:ArchiveClassesAtExit=/opt/privacy-mailbox/application.jsa -jar /opt/privacy-mailbox/privacy-mailbox.jar \
        import /tmp/cds-training/empty --privacy-mailbox.data-dir=/tmp/cds-training/data \
    && rm -rf /tmp/cds-training
USER privacy-mailbox
ENV PRIVACYMAILBOX_DATADIR=/var/lib/privacy-mailbox/data \
    SERVER_ADDRESS=0.0.0.0
VOLUME /var/lib/privacy-mailbox/data
# 8080: web page and API; 3025/3143: the embedded mail server (only when PRIVACYMAILBOX_MAILBOX_EMBEDDED=true)
EXPOSE 8080 3025 3143
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:SharedArchiveFile=/opt/privacy-mailbox/application.jsa", "-jar", "/opt/privacy-mailbox/privacy-mailbox.jar"]
