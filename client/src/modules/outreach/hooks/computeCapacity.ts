/** One course's use of its agreement in one teaching period. */
export interface PeriodCapacity {
  courseId: string;
  courseName: string;
  periodId: string;
  periodLabel: string;
  startDate: string;
  used: number;
  capacity: number | null;
}

interface AgreementCourses {
  casesPerPeriod?: number | null;
  validFrom: string;
  validTo?: string | null;
  courses: Array<{
    id: string;
    name: string;
    teachingPeriods: Array<{ id: string; name: string; academicYear: string; startDate: string; endDate: string }>;
    sprints: Array<{ status: string; period: Array<{ id: string }> }>;
  }>;
}

/**
 * Capacity used per course and period under one agreement: sprints placed in the course and period
 * (cancelled ones do not count) against casesPerPeriod, for the periods that overlap the
 * agreement's validity.
 */
export function computeCapacity(agreement: AgreementCourses): PeriodCapacity[] {
  const rows: PeriodCapacity[] = [];
  for (const course of agreement.courses) {
    for (const period of course.teachingPeriods) {
      if (period.endDate < agreement.validFrom) continue;
      if (agreement.validTo && period.startDate > agreement.validTo) continue;
      const used = course.sprints.filter((s) => s.status !== "CANCELLED" && s.period.some((p) => p.id === period.id)).length;
      rows.push({
        courseId: course.id,
        courseName: course.name,
        periodId: period.id,
        periodLabel: `${period.name} ${period.academicYear}`,
        startDate: period.startDate,
        used,
        capacity: agreement.casesPerPeriod ?? null,
      });
    }
  }
  return rows.sort((a, b) => a.startDate.localeCompare(b.startDate) || a.courseName.localeCompare(b.courseName));
}
