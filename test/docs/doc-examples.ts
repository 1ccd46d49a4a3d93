// SPDX-FileCopyrightText: 2026 Mass Market network-schema developers
//
// SPDX-License-Identifier: MIT

// Finds every `@example` in src/ and every fenced `ts` block in README.md and
// docs/*.md, and type-checks each as a module of its own under the project's
// strict options. Imports may be implied: a name an example uses but does not
// declare is imported from its own source module, the package root,
// test/docs/example-context.ts (typed sample values), the one other module of
// src/ that declares it, viem, viem/accounts, @bufbuild/protobuf(/wkt) or
// @noble/curves, in that order; globals stay globals unless the context
// declares the name.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import ts from "typescript";
import { repo } from "../support/scratch-clone.js";

/** One example: where it is written and its code. */
export interface DocExample {
  /** `src/wire/decode-envelope.ts:27` or `docs/eip712.md:12`. */
  readonly where: string;
  /** Repository-relative file it comes from. */
  readonly file: string;
  readonly code: string;
}

function filesUnder(dir: string, suffix: string): string[] {
  return readdirSync(join(repo, dir)).flatMap((name) => {
    const path = `${dir}/${name}`;
    return statSync(join(repo, path)).isDirectory() ? filesUnder(path, suffix) : path.endsWith(suffix) ? [path] : [];
  });
}

const lineOf = (text: string, index: number): number => text.slice(0, index).split("\n").length;

/**
 * Every `@example` of every doc comment in src/: the text after the tag up to
 * the next tag or the end of the comment, without the leading ` * `, and
 * without a ```ts fence if it has one.
 * @example sourceExamples().length
 */
export function sourceExamples(): DocExample[] {
  const out: DocExample[] = [];
  for (const file of filesUnder("src", ".ts")) {
    const text = readFileSync(join(repo, file), "utf8");
    for (const comment of text.matchAll(/\/\*\*([\s\S]*?)\*\//g)) {
      const body = (comment[1] as string).split("\n").map((line) => line.replace(/^\s*\* ?/, "")).join("\n");
      for (const tag of body.matchAll(/@example\b([\s\S]*?)(?=\n\s*@\w|$)/g)) {
        const code = (tag[1] as string).replace(/^\s*```\w*\n|```\s*$/g, "").trim();
        if (code !== "") out.push({ where: `${file}:${lineOf(text, (comment.index ?? 0) + (comment[0].indexOf("@example", (tag.index ?? 0)) || 0))}`, file, code });
      }
    }
  }
  return out;
}

/**
 * Every fenced ```ts / ```typescript block of README.md and docs/*.md.
 * @example markdownExamples().map((e) => e.where)
 */
export function markdownExamples(): DocExample[] {
  const files = ["README.md", ...readdirSync(join(repo, "docs")).filter((f) => f.endsWith(".md")).map((f) => `docs/${f}`)];
  return files.flatMap((file) => {
    const text = readFileSync(join(repo, file), "utf8");
    return [...text.matchAll(/^```(?:ts|typescript)\n([\s\S]*?)^```/gm)].map((m) => ({ where: `${file}:${lineOf(text, m.index ?? 0)}`, file, code: m[1] as string }));
  });
}

/** A type error in one example. */
export interface ExampleProblem {
  readonly where: string;
  readonly message: string;
}

const EXTERNAL_MODULES = ["viem", "viem/accounts", "@bufbuild/protobuf", "@bufbuild/protobuf/wkt", "@noble/curves/secp256k1"];
const CONTEXT = "test/docs/example-context.ts";
const SCRATCH = "test/docs/.examples";

function compilerOptions(): ts.CompilerOptions {
  const config = ts.readConfigFile(join(repo, "tsconfig.json"), (path) => ts.sys.readFile(path));
  const { options } = ts.parseJsonConfigFileContent(config.config, ts.sys, repo);
  return {
    ...options,
    noEmit: true,
    baseUrl: repo,
    // Examples import the package by name, as users do.
    paths: { "@massmarket/network-schema": ["src/index.ts"], "@massmarket/network-schema/*": ["src/*.ts"] },
  };
}

/** Names declared at the top level of an example (imports, variables, functions, classes, types). */
function declaredNames(source: ts.SourceFile): Set<string> {
  const names = new Set<string>();
  const bind = (name: ts.BindingName): void => {
    if (ts.isIdentifier(name)) names.add(name.text);
    else for (const element of name.elements) if (!ts.isOmittedExpression(element)) bind(element.name);
  };
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement)) {
      const clause = statement.importClause;
      if (clause?.name) names.add(clause.name.text);
      const bindings = clause?.namedBindings;
      if (bindings && ts.isNamespaceImport(bindings)) names.add(bindings.name.text);
      if (bindings && ts.isNamedImports(bindings)) for (const element of bindings.elements) names.add(element.name.text);
    } else if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) bind(declaration.name);
    } else if ((ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement) || ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement) || ts.isEnumDeclaration(statement)) && statement.name) {
      names.add(statement.name.text);
    }
  }
  return names;
}

function usedIdentifiers(source: ts.SourceFile): Set<string> {
  const names = new Set<string>();
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node)) names.add(node.text);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return names;
}

/**
 * Type-checks every example; returns one problem per diagnostic.
 * Examples that are verbatim regions of a file in examples/ are checked in that file.
 * @example expect(checkExamples({ examples: [...sourceExamples(), ...markdownExamples()] })).toEqual([])
 */
export function checkExamples({ examples }: { examples: readonly DocExample[] }): ExampleProblem[] {
  const options = compilerOptions();
  const exampleFiles = filesUnder("examples", ".ts");
  const exampleTexts = exampleFiles.map((file) => ({ file, text: readFileSync(join(repo, file), "utf8") }));
  const standalone: DocExample[] = [];
  const inContext = new Set<string>();
  for (const example of examples) {
    const host = exampleTexts.find(({ text }) => example.code.trim().length > 40 && text.includes(example.code.trim()));
    if (host) inContext.add(host.file);
    else standalone.push(example);
  }

  // The modules names are implied from, resolved once through one file importing them all.
  const ownModules = filesUnder("src", ".ts");
  const baseHost = ts.createCompilerHost(options);
  const providerFile = join(repo, SCRATCH, "providers.ts");
  const specifiers = [...[CONTEXT, ...ownModules].map((p) => importPath(providerFile, p)), ...EXTERNAL_MODULES];
  const providerText = `${specifiers.map((m, i) => `import * as m${i} from "${m}";`).join("\n")}\nexport {};\n`;
  const baseProgram = ts.createProgram({ rootNames: [providerFile], options, host: withVirtualFiles(baseHost, new Map([[providerFile, providerText]])) });
  const checker = baseProgram.getTypeChecker();
  const moduleExports = new Map<string, Map<string, boolean>>();
  const declaringModules = new Map<string, Set<string>>();
  const providerSource = baseProgram.getSourceFile(providerFile)!;
  for (const statement of providerSource.statements) {
    if (!ts.isImportDeclaration(statement)) continue;
    const specifier = (statement.moduleSpecifier as ts.StringLiteral).text;
    const key = specifier.startsWith(".") ? relative(repo, join(dirname(providerFile), specifier)).replace(/\.js$/, ".ts") : specifier;
    const symbol = checker.getSymbolAtLocation(statement.moduleSpecifier);
    const names = new Map<string, boolean>();
    for (const exported of symbol ? checker.getExportsOfModule(symbol) : []) {
      const target = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
      names.set(exported.name, (target.flags & ts.SymbolFlags.Value) !== 0);
      const declaredIn = target.declarations?.[0]?.getSourceFile().fileName;
      if (key.startsWith("src/") && declaredIn?.startsWith(join(repo, "src/"))) {
        declaringModules.set(exported.name, (declaringModules.get(exported.name) ?? new Set()).add(relative(repo, declaredIn)));
      }
    }
    moduleExports.set(key, names);
  }
  // Another src module is implied only when exactly one declares the name: a guess between two would mislead.
  const declaredOnceIn = (name: string): string | undefined => {
    const modules = declaringModules.get(name);
    return modules?.size === 1 ? [...modules][0] : undefined;
  };
  const isGlobal = (name: string): boolean => checker.resolveName(name, undefined, ts.SymbolFlags.Value | ts.SymbolFlags.Type, false) !== undefined;

  const virtual = new Map<string, string>();
  const origin = new Map<string, DocExample>();
  standalone.forEach((example, index) => {
    const path = join(repo, SCRATCH, `example-${index}.ts`);
    const source = ts.createSourceFile(path, example.code, ts.ScriptTarget.ES2022, true);
    const declared = declaredNames(source);
    const imports = new Map<string, string[]>();
    for (const name of usedIdentifiers(source)) {
      if (declared.has(name)) continue;
      // A global (Error, Date, DOM's `event`) is shadowed only by the context's typed sample values.
      const elsewhere = declaredOnceIn(name);
      const order = isGlobal(name) ? [CONTEXT] : [...(example.file.startsWith("src/") ? [example.file] : []), "src/index.ts", CONTEXT, ...(elsewhere ? [elsewhere] : []), ...EXTERNAL_MODULES];
      const from = order.find((m) => moduleExports.get(m)?.has(name));
      if (from === undefined) continue;
      const specifier = from.endsWith(".ts") ? importPath(path, from) : from;
      const isValue = moduleExports.get(from)?.get(name) === true;
      imports.set(specifier, [...(imports.get(specifier) ?? []), isValue ? name : `type ${name}`]);
    }
    const prelude = [...imports].map(([specifier, names]) => `import { ${names.join(", ")} } from "${specifier}";`).join(" ");
    // The prelude shares the example's first line, so reported line numbers stay the example's.
    virtual.set(path, `${prelude}${example.code}\nexport {};\n`);
    origin.set(path, example);
  });

  const program = ts.createProgram({
    rootNames: [...virtual.keys(), ...[...inContext].map((f) => join(repo, f))],
    options,
    host: withVirtualFiles(ts.createCompilerHost(options), virtual),
  });
  const problems: ExampleProblem[] = [];
  for (const diagnostic of ts.getPreEmitDiagnostics(program)) {
    const file = diagnostic.file?.fileName ?? "";
    const example = origin.get(file);
    if (!example && !inContext.has(relative(repo, file))) continue;
    const line = diagnostic.file && diagnostic.start !== undefined ? diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start).line : 0;
    const where = example ? `${example.where} (+${line})` : `${relative(repo, file)}:${line + 1}`;
    problems.push({ where, message: ts.flattenDiagnosticMessageText(diagnostic.messageText, " ") });
  }
  return problems;
}

function importPath(from: string, to: string): string {
  const path = relative(dirname(from), join(repo, to)).replace(/\.ts$/, ".js");
  return path.startsWith(".") ? path : `./${path}`;
}

function withVirtualFiles(host: ts.CompilerHost, files: ReadonlyMap<string, string>): ts.CompilerHost {
  return {
    ...host,
    fileExists: (path) => files.has(path) || host.fileExists(path),
    readFile: (path) => files.get(path) ?? host.readFile(path),
    getSourceFile: (path, language, onError, create) => {
      const text = files.get(path);
      return text !== undefined ? ts.createSourceFile(path, text, language, true) : host.getSourceFile(path, language, onError, create);
    },
  };
}
