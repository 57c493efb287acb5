#!/usr/bin/env bash
# Prepares a WildFly 39 installation for twittner.war, reproducibly (run it again at will):
#   docker/wildfly/setup.sh JBOSS_HOME JARS_DIR
# JARS_DIR holds eclipselink.jar and mysql-connector-j.jar (`mvn -Pwildfly package` puts them in
# target/wildfly-jars/).
#  1. installs module com.mysql (MySQL Connector/J, for MySQL and MariaDB),
#  2. completes WildFly's org.eclipse.persistence module with EclipseLink (the JPA provider the
#     app uses on Payara too; WildFly ships only its integration jar and a module.xml that lacks
#     JDK modules EclipseLink needs),
#  3. writes standalone/configuration/standalone-twittner.xml: a fresh copy of standalone.xml
#     changed by configure.cli.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
home="$(cd "${1:?JBOSS_HOME}" && pwd)"
jars="$(cd "${2:?JARS_DIR}" && pwd)"

module="$home/modules/com/mysql/main"
mkdir -p "$module"
cp "$here/modules/com/mysql/main/module.xml" "$jars/mysql-connector-j.jar" "$module/"

eclipselink="$home/modules/system/layers/base/org/eclipse/persistence/main"
jipijapa="$(cd "$eclipselink" && ls jipijapa-eclipselink-*.jar)"
cp "$jars/eclipselink.jar" "$eclipselink/"
sed "s#@JIPIJAPA_JAR@#$jipijapa#" "$here/modules/org/eclipse/persistence/main/module.xml" > "$eclipselink/module.xml"

cp "$home/standalone/configuration/standalone.xml" "$home/standalone/configuration/standalone-twittner.xml"
JBOSS_HOME="$home" "$home/bin/jboss-cli.sh" --file="$here/configure.cli"
echo "WildFly at $home is ready: $home/bin/standalone.sh -c standalone-twittner.xml"
