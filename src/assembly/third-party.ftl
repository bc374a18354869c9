<#-- THIRD-PARTY.txt of the distribution (license-maven-plugin add-third-party, src/pom.xml): one entry per
     library in lib/, with the licences its POM declares. dependencyMap: the libraries (MavenProject) and the
     names of their licences, ordered by groupId and artifactId. -->
<#function jar project>
    <#return project.artifactId + "-" + project.version + ".jar">
</#function>
Libraries bundled in lib/ of this Sinus distribution, with the licences their POMs declare.

Each entry names the jar in lib/, the library (groupId:artifactId:version) and its home page, and
each licence with the address of its text. A jar named like an entry with a platform suffix
(tensorflow-core-native-<version>-linux-x86_64.jar) holds that entry's native code, under the same
licence. Where a library offers a choice of licences, all of them are listed. Many of the jars also
carry their own LICENSE and NOTICE files inside (META-INF/). The sinus-*.jar files are Sinus itself.

<#list dependencyMap as entry>
    <#assign project = entry.getKey()/>
${jar(project)}
    ${project.name!project.artifactId} (${project.groupId}:${project.artifactId}:${project.version})<#if project.url??>, ${project.url}</#if>
    <#if project.licenses?size == 0>
        <#list entry.getValue() as license>
    licence: ${license}
        </#list>
    <#else>
        <#list project.licenses as license>
    licence: ${license.name}, <#if license.url??>${license.url}<#else>(no address in its POM)</#if>
        </#list>
    </#if>

</#list>
