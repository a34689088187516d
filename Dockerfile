# The Liaison application image. Build the jar first (./mvnw verify or ./mvnw package -DskipTests),
# then: docker build -t liaison .
FROM eclipse-temurin:17-jre
RUN useradd --system --create-home liaison
WORKDIR /home/liaison
COPY target/liaison.jar /opt/liaison/liaison.jar
USER liaison
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/opt/liaison/liaison.jar"]
