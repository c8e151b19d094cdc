// The #/parameters view's state: per template (a generator, or the library), its blessed sets and their
// history (BlessedSetsState), a candidate option set checked and measured against them
// (CandidateValidationState), and the validation of the template's blessed set (TemplateValidationState);
// this class composes the three around one benchmark runner and keeps the surface the view binds to.
import type { OptionValues } from '../core/options-schema';
import type { OptionSetDiff, ValidationResult } from '../core/parameters';
import type { StoredBlessedSet } from '../storage/parameter-types';
import { BenchmarkRunner } from './benchmark-runner.svelte';
import { BlessedSetsState } from './blessed-sets-state.svelte';
import { CandidateValidationState, type ValidationPhase } from './candidate-validation.svelte';
import type { AppServices } from './ports';
import type { ShownError } from './shown-error';
import { TemplateValidationState, type TemplateValidation } from './template-validation.svelte';
import { libraryFilesOf, type ValidationContext } from './validation-context';

/** Rune state of the parameters view: the three parts, and their fields under the names the components bind. */
export class ParametersState {
  /** The template's blessed sets: list, promote, revoke, roll back, history. */
  readonly blessed: BlessedSetsState;
  /** The candidate: form, import and export, validation, diff. */
  readonly candidateCheck: CandidateValidationState;
  /** The validation of the template's blessed set. */
  readonly templateCheck: TemplateValidationState;
  /** The validations' runner (the app asks whether it is busy). */
  readonly runner: BenchmarkRunner | null;
  private started = false;

  constructor(
    private readonly services: AppServices,
    now: () => number = Date.now,
    newId: () => string = () => crypto.randomUUID(),
  ) {
    this.runner = services.benchmarks
      ? new BenchmarkRunner({
          solver: services.solver,
          store: services.benchmarks,
          library: services.library,
          observer: services.observer,
        })
      : null;
    this.blessed = new BlessedSetsState(services, now, newId);
    const ctx: ValidationContext = {
      services,
      blessed: this.blessed,
      runner: this.runner,
      library: libraryFilesOf(services),
      busy: () => this.phase === 'measuring' || this.validatingTemplate,
      now,
    };
    this.candidateCheck = new CandidateValidationState(ctx);
    this.templateCheck = new TemplateValidationState(ctx);
  }

  /** Loads the descriptors and the first template's sets (once). */
  async load(): Promise<void> {
    if (this.started) return;
    this.started = true;
    this.candidateCheck.loadDescriptors();
    await this.blessed.refresh();
  }

  /** Switches the template: its sets and history; the candidate's and the template validation's results are dropped. */
  async selectTemplate(template: string): Promise<void> {
    this.blessed.template = template;
    this.candidateCheck.reset();
    this.templateCheck.reset();
    this.blessed.refusal = null;
    await this.blessed.refresh();
  }

  /** Progress of the measuring benchmark. */
  get progress(): { done: number; total: number } {
    return { done: this.runner?.done ?? 0, total: this.runner?.total ?? 0 };
  }

  // The blessed sets, as the components and tests name them.
  get template(): string {
    return this.blessed.template;
  }
  get sets(): StoredBlessedSet[] {
    return this.blessed.sets;
  }
  get events() {
    return this.blessed.events;
  }
  get active(): StoredBlessedSet | null {
    return this.blessed.active;
  }
  get approvedBy(): string {
    return this.blessed.approvedBy;
  }
  set approvedBy(v: string) {
    this.blessed.approvedBy = v;
  }
  get revokeReason(): string {
    return this.blessed.revokeReason;
  }
  set revokeReason(v: string) {
    this.blessed.revokeReason = v;
  }
  get rollbackReason(): string {
    return this.blessed.rollbackReason;
  }
  set rollbackReason(v: string) {
    this.blessed.rollbackReason = v;
  }
  get refusal(): string | null {
    return this.blessed.refusal;
  }
  set refusal(v: string | null) {
    this.blessed.refusal = v;
  }
  get error(): ShownError | null {
    return this.blessed.error;
  }
  refresh(): Promise<void> {
    return this.blessed.refresh();
  }
  get promoteRefusal(): string | null {
    return this.blessed.promoteRefusal(this.result, this.name);
  }
  /** Promotes the validated candidate under its name. */
  promote(): Promise<boolean> {
    return this.blessed.promote(this.result, this.name);
  }
  revoke(setId: string): Promise<boolean> {
    return this.blessed.revoke(setId);
  }
  rollBack(setId: string): Promise<boolean> {
    return this.blessed.rollBack(setId);
  }
  isActive(setId: string): boolean {
    return this.blessed.isActive(setId);
  }

  // The candidate.
  get form() {
    return this.candidateCheck.form;
  }
  get descriptors() {
    return this.candidateCheck.descriptors;
  }
  set descriptors(v) {
    this.candidateCheck.descriptors = v;
  }
  get candidate(): Record<string, unknown> {
    return this.candidateCheck.candidate;
  }
  get phase(): ValidationPhase {
    return this.candidateCheck.phase;
  }
  get result(): ValidationResult | null {
    return this.candidateCheck.result;
  }
  set result(v: ValidationResult | null) {
    this.candidateCheck.result = v;
  }
  get name(): string {
    return this.candidateCheck.name;
  }
  set name(v: string) {
    this.candidateCheck.name = v;
  }
  get importErrors(): string[] {
    return this.candidateCheck.importErrors;
  }
  get diffA(): string {
    return this.candidateCheck.diffA;
  }
  set diffA(v: string) {
    this.candidateCheck.diffA = v;
  }
  get diffB(): string {
    return this.candidateCheck.diffB;
  }
  set diffB(v: string) {
    this.candidateCheck.diffB = v;
  }
  get diff(): OptionSetDiff {
    return this.candidateCheck.diff;
  }
  optionsOf(side: string): OptionValues {
    return this.candidateCheck.optionsOf(side);
  }
  validate(): Promise<ValidationResult | null> {
    return this.candidateCheck.validate();
  }
  optionsFile(setId: string | 'candidate'): { name: string; text: string } | null {
    return this.candidateCheck.optionsFile(setId);
  }
  optionsJson(setId: string | 'candidate'): { name: string; text: string } {
    return this.candidateCheck.optionsJson(setId);
  }
  importOptionsFile(file: { name: string; size: number; text(): Promise<string> }): Promise<boolean> {
    return this.candidateCheck.importOptionsFile(file);
  }
  importOptions(fileName: string, text: string): boolean {
    return this.candidateCheck.importOptions(fileName, text);
  }

  // The template validation.
  get validateCount(): string {
    return this.templateCheck.count;
  }
  set validateCount(v: string) {
    this.templateCheck.count = v;
  }
  get validateTarget(): string {
    return this.templateCheck.target;
  }
  set validateTarget(v: string) {
    this.templateCheck.target = v;
  }
  get validatingTemplate(): boolean {
    return this.templateCheck.validating;
  }
  get templateValidation(): TemplateValidation | null {
    return this.templateCheck.result;
  }
  get templateError(): ShownError | null {
    return this.templateCheck.error;
  }
  get targetMs(): number {
    return this.templateCheck.targetMs;
  }
  validateTemplate(): Promise<TemplateValidation | null> {
    return this.templateCheck.validate();
  }
}
